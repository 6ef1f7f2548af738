"""Acronyms defined in the text, "Full Name (ACR)", and acronyms that abbreviate a known name.

Why: development texts define each body once and then use the acronym; merging the two is what
keeps "GASI" and "Government Agency for Specialised Inspection" one organisation. The long form
is found with the Schwartz–Hearst rule (each letter of the acronym, right to left, inside the
words before the parenthesis; the first letter must start a word), which also accepts
"MoLSP", "MONEF" and "SECiM".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopgraph.names import looks_like_acronym

_DEF = re.compile(r"\(\s*([A-Za-z][\w\-]{0,11}(?: \d{1,2})?)\s*\)")
_WORDS_BEFORE = re.compile(r"[\w'\-]+")
_STOP_CHARS = ".;:()\"\n\n"
_MINOR = frozenset("of for and the in on to at by with a an de des du la le".split())


@dataclass(frozen=True)
class Definition:
    """``long`` (at ``long_span``) is defined as ``short`` (at ``short_span``)."""

    short: str
    short_span: tuple[int, int]
    long: str
    long_span: tuple[int, int]


def find_definitions(text: str, start: int = 0, end: int | None = None) -> list[Definition]:
    """Every "Long Form (ACR)" in text[start:end] whose long form spells the acronym."""
    out: list[Definition] = []
    for m in _DEF.finditer(text, start, len(text) if end is None else end):
        short = m.group(1)
        base = short.rsplit(" ", 1)[0] if " " in short else short
        if not looks_like_acronym(base):
            continue
        found = _long_form(text, m.start(), short)
        if found is not None:
            s, e = found
            out.append(Definition(short, (m.start(1), m.end(1)), text[s:e], (s, e)))
    return out


def _long_form(text: str, paren: int, short: str) -> tuple[int, int] | None:
    letters = [c.lower() for c in short if c.isalnum()]
    max_words = min(len(letters) + 5, 2 * len(letters) + 1)
    window_start = _window_start(text, paren)
    words = list(_WORDS_BEFORE.finditer(text, window_start, paren))[-max_words:]
    if not words:
        return None
    w_end = words[-1].end()
    begin = _schwartz_hearst(text, words[0].start(), w_end, letters)
    if begin is None:
        return None
    while text[begin:begin + 4].lower() == "the ":
        begin += 4
    if not (text[begin].isupper() or text[begin].isdigit()) or " " not in text[begin:w_end].strip():
        return None
    return begin, w_end


def _window_start(text: str, paren: int) -> int:
    lo = max(0, paren - 200)
    cut = lo
    for ch in ('"', "(", ")", ". ", ";", "\n\n"):
        k = text.rfind(ch, lo, paren)
        if k >= 0:
            cut = max(cut, k + len(ch))
    return cut


def _schwartz_hearst(text: str, lo: int, hi: int, letters: list[str]) -> int | None:
    low = text[lo:hi].lower()
    li = len(low) - 1
    for si in range(len(letters) - 1, -1, -1):
        c = letters[si]
        while li >= 0 and (low[li] != c or (si == 0 and li > 0 and low[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
    begin = li + 1
    while begin > 0 and low[begin - 1].isalnum():
        begin -= 1
    return lo + begin


def initials(name: str, keep_minor: bool = False) -> str:
    """Upper-case initials of the content words: 'Ministry of Health' -> 'MH'."""
    out = []
    for w in _WORDS_BEFORE.findall(name):
        if w.lower() in _MINOR and not keep_minor:
            continue
        for part in w.split("-"):
            if part:
                out.append(part[0].upper())
    return "".join(out)


def abbreviates(acronym: str, name: str) -> bool:
    """Does an undefined acronym abbreviate ``name`` ('iPMU' ~ 'Integrated Project Monitoring Unit')?"""
    a = "".join(c for c in acronym.upper() if c.isalpha())
    if len(a) < 2:
        return False
    ini = initials(name)
    if a == ini or a == initials(name, keep_minor=True):
        return True
    for tail in (" Project", " Programme", " Program"):
        if name.endswith(tail) and a == initials(name[: -len(tail)]):
            return True
    return len(a) >= 3 and len(ini) > len(a) and ini.startswith(a) and len(ini) - len(a) <= 3 \
        and name.split()[0][0].isupper() and _is_project_like(name)


def _is_project_like(name: str) -> bool:
    return not any(w in name for w in ("Ministry", "Agency", "Office", "Department", "Authority"))
