"""SPARQL text for RDF terms sent to a remote server: whatever a value holds, it stays one term.

Why our own writer and not rdflib's ``n3()``: ``n3()`` writes a value holding a newline as a
long string (``\"\"\"...\"\"\"``) and escapes a closing quote only when the character before it is
not a backslash, so the value ``x`` + newline + ``\\"`` closed the literal early and the next
parameter became query text (issue 13: a remote ``oxigraph serve`` returned another graph).

Here every literal is a one-line short string (``"..."``) in which each character SPARQL's
grammar gives a meaning to is escaped: ``\\`` ``"`` ``'`` and the line breaks, tab, backspace and
form feed by their ``ECHAR`` escapes, every other control character (C0, DEL, C1) and U+2028/2029
as ``\\uXXXX``. A backslash that the value puts before ``u`` or ``U`` is followed by ``\\u0075`` or
``\\u0055`` instead of the letter: SPARQL 1.1 (section 19.2) lets a server expand ``\\u`` escapes
before it parses the query, and such a server would otherwise read the value ``\\u0022`` as a
quote; servers that expand them while reading the string (Oxigraph, Jena) read the same value.
Lone surrogates (U+D800-DFFF: what an undecodable byte on the command line becomes in Python)
are no characters at all and are refused. IRIs must match SPARQL's ``IRIREF`` production and
have a scheme; language tags and blank node labels are checked as well.
"""

from __future__ import annotations

import re

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from coopgraph.errors import QueryError

_ECHAR = {"\\": "\\\\", '"': '\\"', "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t",
          "\b": "\\b", "\f": "\\f"}
#: Characters written as \\uXXXX: C0 and C1 controls, DEL, the Unicode line/paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Characters IRIREF refuses (``[^<>"{}|^`\]-[#x00-#x20]``), plus DEL and the C1 controls.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LANGTAG = re.compile(r"^[A-Za-z]+(?:-[A-Za-z0-9]+)*$")
_BNODE_LABEL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
_XSD_STRING = str(XSD.string)


def sparql_term(term: Identifier) -> str:
    """``term`` as SPARQL text that can only be read back as that one term.

    Raises QueryError for an IRI outside IRIREF, a lone surrogate, a bad language tag or blank
    node label, or a term that is none of IRI, literal, blank node (a variable, say).
    """
    if isinstance(term, URIRef):
        return sparql_iri(str(term))
    if isinstance(term, Literal):
        text = sparql_string(str(term))
        if term.language:
            if not _LANGTAG.match(term.language):
                raise QueryError(f"not a valid language tag: {_shown(term.language)}")
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^{sparql_iri(str(term.datatype))}"
        return text
    if isinstance(term, BNode):
        if not _BNODE_LABEL.match(str(term)):
            raise QueryError(f"not a valid blank node label: {_shown(str(term))}")
        return f"_:{term}"
    raise QueryError(f"cannot send {type(term).__name__} {_shown(str(term))} as an RDF term")


def sparql_string(value: str) -> str:
    """``value`` as a short SPARQL string literal (``"..."``), every special character escaped.

    Raises QueryError when ``value`` holds a lone surrogate.
    """
    check_unicode(value)
    out: list[str] = ['"']
    previous = ""
    for ch in value:
        if ch in "uU" and previous == "\\":
            out.append(f"\\u{ord(ch):04X}")
        elif ch in _ECHAR:
            out.append(_ECHAR[ch])
        elif _CONTROL.match(ch):
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
        previous = ch
    out.append('"')
    return "".join(out)


def sparql_iri(value: str) -> str:
    """``<value>``, after checking that ``value`` is an absolute IRI SPARQL can hold.

    Raises QueryError (one line, naming the first bad character and its offset) otherwise.
    """
    check_iri(value)
    return f"<{value}>"


def check_iri(value: str) -> None:
    """Raise QueryError unless ``value`` matches IRIREF and starts with a scheme (``http:``)."""
    check_unicode(value, what=f"not a valid IRI {_shown(value)}: ")
    bad = _NOT_IRI.search(value)
    if bad:
        raise QueryError(f"not a valid IRI {_shown(value)}: {_describe(bad.group())} at offset "
                         f"{bad.start()} (an IRI holds no spaces, control characters or "
                         "<>\"{}|^`\\)")
    if not _SCHEME.match(value):
        raise QueryError(f"not a valid IRI {_shown(value)}: no scheme (it must start like "
                         "https: or urn:)")


def check_unicode(value: str, what: str = "") -> None:
    """Raise QueryError when ``value`` holds a lone surrogate (no character: no UTF-8 for it)."""
    bad = _SURROGATE.search(value)
    if bad:
        raise QueryError(f"{what}not valid Unicode (lone surrogate U+{ord(bad.group()):04X} at "
                         f"offset {bad.start()}); pass UTF-8 text")


def _describe(ch: str) -> str:
    if ch == " ":
        return "a space"
    if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F:
        return f"control character U+{ord(ch):04X}"
    return repr(ch)


def _shown(value: str, limit: int = 60) -> str:
    """``repr`` of ``value``, cut to about ``limit`` characters (error lines stay short)."""
    return repr(value if len(value) <= limit else value[:limit] + "…")
