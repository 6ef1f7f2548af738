"""How names are compared: the keys two spellings of one name share, and which names are acronyms.

Why one module: loaders, graph and page each decide whether two names are one body. They used to
carry a ``name_key`` and an ``is_acronym`` each, with rules that had drifted apart unnoticed.
Where the rules really differ they are kept, under names that say how (each is tested in
tests/test_names.py):

- ``name_key``: case, accents, quotes, punctuation, spacing and a leading "the" ignored. Used
  across documents (graph identity, structured sources, the page's labels).
- ``variant_key``: ``name_key``'s job inside one text, more forgiving: apostrophes dropped,
  British and American spellings and plurals folded ("The Ministries of Labor" and "ministry
  of labour"), as one writer's text varies. Accents are kept, as the text extractor always had.
- ``looks_like_acronym``: a token written as an acronym (``ILO``, ``SECiM``, ``MoLSP``), bounded
  in length so a long run of capitals cannot make the pattern backtrack.
- ``is_short_form``: a name too short to identify a body alone across documents (one token with
  two capitals, a ``#`` or a digit: ``ILO``, ``C1``, ``#81``).

The evaluation's own rule (``coopgraph/_matching.py`` ``normalise``) stays with the evaluation:
it is the contract with the reference scorer, not a choice of ours.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_NON_WORD = re.compile(r"[\W_]+")

_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_SPELLING = (("organisation", "organization"), ("centre", "center"), ("labor", "labour"),
             ("programme", "program"), ("specialised", "specialized"), ("counselling", "counseling"))
_ACRONYM = re.compile(r"^[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*$|^[A-Z]{2,}\d*$|^[A-Z]+\d[A-Z]+$")
#: Longest token ``looks_like_acronym`` tries the pattern on.
_MAX_ACRONYM = 12


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The comparison key of a name: case, accents, quotes, punctuation, spacing and a leading
    'the' ignored ('The Tövschüren  Soum-Office' → 'tovschuren soum office')."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    key = _NON_WORD.sub(" ", folded).strip()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """The key of a name within one text: 'The Ministries  of Labor' → 'ministry of labour'."""
    s = name.casefold().replace("'", "").replace("\u2019", "")
    s = _SPACES.sub(" ", _PUNCT.sub(" ", s)).strip()
    if s.startswith("the "):
        s = s[4:]
    for a, b in _SPELLING:
        s = s.replace(a, b)
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
             for w in s.split()]
    words = [w[:-2] + "y" if w.endswith("ie") and len(w) > 4 else w for w in words]
    return " ".join(words)


@lru_cache(maxsize=65536)
def looks_like_acronym(token: str) -> bool:
    """True for a token written as an acronym: two capitals or more, or capitals and digits."""
    # Length first: on a long run of letters ('AaAa…', 6,000 characters) the pattern's three
    # letter classes backtrack cubically (170 s for one document; issue 13's fuzz run).
    return len(token) <= _MAX_ACRONYM and bool(_ACRONYM.match(token))


def is_short_form(text: str) -> bool:
    """True for a one-token short form (``ILO``, ``SECiM``, ``C1``, ``#81``): a weak identity key."""
    t = text.strip()
    if not t or any(c.isspace() for c in t):
        return False
    uppers = sum(c.isupper() for c in t)
    return uppers >= 2 or t.startswith("#") or (any(c.isdigit() for c in t) and len(t) <= 8)
