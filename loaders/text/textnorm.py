"""Same-length text normalisation, so every offset found in the clean text is valid in the original.

Why same length: evidence must be an exact substring of the document and spans must point at it.
Instead of keeping an offset map, every repair keeps the string length: curly quotes become
straight ones, non-breaking spaces become spaces, and a word broken by PDF hyphenation
("orga-nized", "la-\\nbour") is joined and padded with spaces after it ("organized ").
Markdown markup is blanked the same way: "## Upcoming events" reads as the plain heading
"   Upcoming events", "**bold**" as "  bold  ", and a bold run-in lead ("**Survey completed.** In
May ...") becomes a heading line of its own, its closing marks turned into spaces and a blank line.
"""

from __future__ import annotations

import re

_CHAR_MAP = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u2009": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-",
    "\u00ad": "-",
})

#: Word endings that only occur as the tail of a broken word ("orga-nized", "elabo-rated").
_SUFFIXES = (
    "tion", "tions", "sion", "ize", "ized", "ise", "ised", "izing", "ising", "ment", "ments",
    "nized", "nised", "ducted", "ted", "ting", "ing", "ings", "ance", "ence", "ity", "ities",
    "ated", "ating", "ate", "bour", "ket", "kets", "ers", "eral", "selling", "casting", "ticipate",
    "ticipants", "cess", "ical", "ally", "ous", "ive", "ness", "ship", "ular", "ogy", "ured",
)
_PREFIX_WORDS = frozenset(
    "non mid long short in out co self cross well three two one four five multi inter intra sub "
    "pre post re anti counter semi vice full part high low up on off day year world sector "
    "small large middle medium top bottom first second third state private public".split())
_BROKEN = re.compile(r"(?<![\w-])([A-Za-z]{2,})-(\n?)([a-z]{2,})(?![\w-])")
_WORD = re.compile(r"(?<![\w-])[A-Za-z]{3,}(?![\w-])")


#: "## Heading" (ATX heading marks, with an optional closing run of #)
_MD_HEADING = re.compile(r"^([ \t]{0,3}#{1,6}[ \t]+)([^\n]*?)([ \t]+#+)?[ \t]*$", re.M)
#: "**Lead sentence.** Body" at the start of a paragraph: a run-in heading
_MD_RUN_IN = re.compile(r"^([ \t]{0,3})(\*\*|__)([A-Z0-9\"'][^*_\n]{8,150}?)([.!?]?)\2([ \t]+)(?=\S)", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1")


def normalise(text: str) -> str:
    """Return text of the same length with quotes, dashes, spaces and broken words repaired."""
    out = text.translate(_CHAR_MAP)
    if "#" in out or "**" in out or "__" in out:
        out = unmark(out)
    if "-" not in out:
        return out
    vocab = {w.lower() for w in _WORD.findall(out)}
    return _BROKEN.sub(lambda m: _join(m, vocab), out)


def unmark(text: str) -> str:
    """Blank Markdown heading and emphasis marks, keeping the length (see the module doc)."""
    out = _MD_HEADING.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3) or ""), text)
    out = _MD_RUN_IN.sub(_run_in, out)
    return _MD_EMPHASIS.sub(lambda m: "  " + m.group(2) + "  ", out)


def _run_in(m: re.Match[str]) -> str:
    """'**Lead.** Body' -> '  Lead  \\n\\nBody': the lead stands on a line of its own (3+ words)."""
    lead = m.group(3)
    if len(lead.split()) < 3 or lead.rstrip().endswith(":"):
        return m.group(0)
    tail = len(m.group(4)) + 2 + len(m.group(5))  # the full stop, the closing marks, the spaces
    return m.group(1) + "  " + lead + " " * (tail - 2) + "\n\n"


def _join(m: re.Match[str], vocab: set[str]) -> str:
    left, newline, right = m.group(1), m.group(2), m.group(3)
    joined = left + right
    if not _plausible(left, right, joined, bool(newline), vocab):
        return m.group(0)
    return joined + " " * (len(m.group(0)) - len(joined))


def _plausible(left: str, right: str, joined: str, newline: bool, vocab: set[str]) -> bool:
    """Is ``left-right`` a word split by hyphenation rather than a real compound?"""
    if left.lower() in _PREFIX_WORDS:
        return False
    if joined.lower() in vocab:
        return True
    if left.lower() in vocab and right.lower() in vocab and not newline:
        return False  # two real words: a compound such as "supply-demand"
    return right.lower().endswith(_SUFFIXES) or right.lower() in _SUFFIXES
