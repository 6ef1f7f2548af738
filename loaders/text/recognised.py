"""Names from the statistical recogniser, kept only where the genre's shape of a name agrees.

Why a filter of its own: en_core_web_sm finds most bodies and people that the rules miss, but on
web pages it also tags menu words, headings, topics ("Occupational Safety and Health"), classes
of bodies ("Labor and Welfare Services") and provinces as organisations, and section titles as
people. Each test below is a general pattern of English or of news about development
cooperation; none names a body, person or place (places come from the gazetteer).

The rules keep priority: a recognised name overlapping anything the rules already read is
dropped (see :func:`name_candidates`), so the recogniser adds names and never renames.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coopgraph.loaders.text.organisations import HEAD_RE
from coopgraph.loaders.text.spans import ClaimedSpans
from coopgraph.loaders.text.statistical import NamedSpan

IsPlace = Callable[[str], bool]

_LEADING = re.compile(r"(?:the|The|THE|a|an|An|A)\s+")
_TRAILING = re.compile(r"(?:'s|\u2019s|[\s,.;:'\u2019\"-])+$")
#: A legal or organisational form written after a body's name ('X LLC', 'X NGO').
_FORM_AFTER = re.compile(r"[ ]+(LLC|Ltd\.?|JSC|Inc\.?|LLP|GmbH|PLC|NGO|Co\.)(?![\w])")
#: A kind noun written before a body's name ('consulting group X', 'the NGO X').
_KIND_BEFORE = re.compile(r"\b(?:group|company|firm|NGO|organi[sz]ation|agency|consultancy|"
                          r"partner|network|association|foundation|charity|institute)[ ]+$", re.I)
#: Words naming what a person is or does, before or after the name.
ROLE_WORDS = frozenset(
    "minister ministers director directors head heads chairman chairwoman chair chairperson "
    "president secretary manager coordinator officer officers governor ambassador expert experts "
    "consultant consultants adviser advisor advisers specialist specialists representative "
    "representatives leader leaders ceo founder owner inspector inspectors teacher trainer "
    "trainers economist researcher professor chief deputy vice mayor spokesperson spokesman "
    "attorney lawyer judge commissioner member members".split())
#: Plural nouns for a class of bodies: 'Training Institutions' is not one body.
_BODY_PLURALS = frozenset(
    "institutions schools services centres centers departments offices agencies ministries "
    "organizations organisations unions associations enterprises businesses companies "
    "authorities committees councils partners networks groups conventions schemes programmes "
    "programs projects banks funds universities colleges cooperatives ngos".split())


@dataclass(frozen=True)
class Candidate:
    """A name the recogniser found and the filters kept: ``kind`` is Organisation or Person."""

    start: int
    end: int
    name: str
    kind: str


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The name inside a recognised span: without a leading article, a trailing possessive or
    punctuation, and cut at a bracket or line break ('the X (ACR' -> 'X')."""
    cut = min([i for i in (text.find("(", start, end), text.find("\n", start, end)) if i >= 0],
              default=end)
    end = cut
    m = _LEADING.match(text, start, end)
    if m:
        start = m.end()
    t = _TRAILING.search(text, start, end)
    if t:
        end = t.start()
    return start, end


def line_of(text: str, pos: int) -> str:
    """The whole line holding ``pos``."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a:b if b >= 0 else len(text)]


def is_heading_line(line: str) -> bool:
    """A menu item or heading: a short line, or a line in title case or capitals with no
    sentence punctuation at its end (a sentence of news text has lower-case words)."""
    words = line.split()
    if len(words) <= 3:
        return True
    if line.rstrip()[-1:] in ".!?:;\"\u201d":
        return False
    small = {"a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "at", "by", "from"}
    content = [w for w in words if w.lower() not in small]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in content)


def head_noun(name: str) -> str | None:
    """The head noun of a body's name: the last word before 'of/for/on', else the last word,
    when it is one of the nouns bodies are named by (organisations.HEAD_RE)."""
    core = re.split(r"\s+(?:of|for|on)\s+", name, maxsplit=1)[0]
    last = core.split()[-1] if core.split() else ""
    return last if HEAD_RE.fullmatch(last) else None


def is_generic_plural(name: str) -> bool:
    """'Labor and Welfare Services', 'Training Institutions': a plural body noun as the head
    names a class of bodies, not one of them."""
    core = re.split(r"\s+(?:of|for|on)\s+", name, maxsplit=1)[0]
    last = core.split()[-1].lower() if core.split() else ""
    return last in _BODY_PLURALS


def is_place_name(name: str, is_place: IsPlace) -> bool:
    """A province, district or country the gazetteer knows, alone or with its level word."""
    words = [w for w in re.findall(r"[\w\-]+", name)
             if w.lower() not in ("aimag", "soum", "province", "district", "city", "of")]
    return bool(words) and is_place(" ".join(words))


def _is_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z&\-]{1,9}", name))


def _role_before(text: str, start: int) -> bool:
    """'ILO Country Director X', 'specialists X', 'President X': a role word within the three
    words before the name."""
    words = re.findall(r"[\w\-']+", text[max(0, start - 50):start])[-3:]
    return any(w.lower() in ROLE_WORDS for w in words) and not re.search(r"[.;:]\s*$", text[max(0, start - 3):start])


def _role_after(text: str, end: int) -> bool:
    """'X, Director at ...', 'X, an ILO senior specialist', 'X, CEO of ...'."""
    m = re.match(r",[ ]+([^,.;:\n]{1,60})", text[end:end + 80])
    return m is not None and any(w.lower() in ROLE_WORDS for w in m.group(1).split()[:5])


def _person_shape(name: str) -> bool:
    """Two or three capitalised words, none of them a role or heading word."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.lower() not in ROLE_WORDS
                                         and not HEAD_RE.fullmatch(w) for w in words)


def person_candidate(text: str, start: int, end: int) -> bool:
    """A recognised person is kept when the text treats it as one: a role next to it."""
    name = text[start:end]
    return _person_shape(name) and (_role_before(text, start) or _role_after(text, end))


def org_candidate(text: str, start: int, end: int, is_place: IsPlace,
                  near_actor: Callable[[int, int], bool]) -> tuple[int, int] | None:
    """The span of a recognised organisation worth keeping, or None.

    Kept: a name with a body's head noun ('... Agency', 'Ministry of ...'); otherwise a name
    the text marks as a body: a legal form after it ('X LLC'), a kind noun before it
    ('consulting group X'), or a place in a list beside a body the rules know
    (``near_actor``). Dropped: places, classes of bodies, names on heading lines.
    """
    name = text[start:end]
    if not name or is_place_name(name, is_place) or is_generic_plural(name):
        return None
    form = _FORM_AFTER.match(text, end)
    if form:
        return start, form.end(1)
    if is_heading_line(line_of(text, start)):
        return None
    head = head_noun(name)
    if head and (head[0].isupper() or sum(w[:1].isupper() for w in name.split()) >= 2):
        return start, end  # 'the Employment department' (one capital, a lower-case head) describes
    if _KIND_BEFORE.search(text[max(0, start - 40):start]):
        return start, end
    if not _is_acronym(name) and len(name.split()) >= 2 and near_actor(start, end):
        return start, end
    return None


def name_candidates(text: str, named: Sequence[NamedSpan], claimed: ClaimedSpans,
                    is_place: IsPlace, near_actor: Callable[[int, int], bool]) -> list[Candidate]:
    """Organisations and people among the recognised names that no rule has read."""
    out: list[Candidate] = []
    for n in named:
        if n.label not in ("ORG", "PERSON"):
            continue
        s, e = trim(text, n.start, n.end)
        if claimed.hits(s, e):
            s, e = unclaimed_tail(text, s, e, claimed)
        if e <= s or claimed.hits(s, e):
            continue
        if n.label == "PERSON":
            listed = bool(out) and out[-1].kind == "Person" and _LIST_SEP.fullmatch(text, out[-1].end, s) is not None
            if person_candidate(text, s, e) or (listed and _person_shape(text[s:e])):
                out.append(Candidate(s, e, " ".join(text[s:e].split()), "Person"))
            continue
        span = org_candidate(text, s, e, is_place, near_actor)
        if span is not None and not claimed.hits(*span):
            out.append(Candidate(span[0], span[1], " ".join(text[span[0]:span[1]].split()), "Organisation"))
    return out


_LIST_SEP = re.compile(r"[ \n]*,[ \n]*(?:and[ \n]+)?|[ \n]+and[ \n]+")


def unclaimed_tail(text: str, start: int, end: int, claimed: ClaimedSpans) -> tuple[int, int]:
    """The recogniser often joins a list into one name ('the X Organization and Y'): the part
    after the last name the rules read, when a list separator leads to it; else an empty span."""
    last = max((b for _, b in claimed.within(start, end)), default=start)
    sep = _LIST_SEP.match(text, last, end)
    if sep is None or last >= end:
        return end, end
    s, e = trim(text, sep.end(), end)
    return (s, e) if e > s and text[s].isupper() else (end, end)


_CAP_WORD = re.compile(r"(?<![\w.])[A-Z][\w\-']+")


def sentences_to_read(text: str, sentences: Sequence[tuple[int, int]],
                      claimed: ClaimedSpans) -> list[tuple[int, int]]:
    """Sentences worth giving the recogniser: those with a capitalised word (other than the
    first word) that no rule has read and that could be part of a name: not a month or a day,
    and not a word the same text also writes in lower case ('Training' in a heading, when the
    text says 'training'). Why: the recogniser costs ~4x the rules per character; a sentence
    whose names are all resolved gains nothing from it."""
    common = set(_LOWER_WORD.findall(text))
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        for m in _CAP_WORD.finditer(text, s, e):
            w = m.group(0)
            if m.start() == s or w in _CALENDAR or w.lower() in common or claimed.hits(m.start(), m.end()):
                continue
            out.append((s, e))
            break
    return out


_LOWER_WORD = re.compile(r"(?<![\w\-'])[a-z][\w\-']+")
_CALENDAR = frozenset("January February March April May June July August September October "
                      "November December Monday Tuesday Wednesday Thursday Friday Saturday "
                      "Sunday".split())


_ITEM_SPLIT = re.compile(r"[ \n]*,[ \n]*(?:and[ \n]+)?|[ \n]+and[ \n]+")
#: a list item that names a kind of body in lower case: "civil society organizations", "local NGOs"
_GENERIC_ITEM = re.compile(r"(?:the[ ]+)?(?:[a-z][\w\-]*[ ]+){0,3}(?:[a-z][\w\-]*s|NGOs)")
_ITEM = re.compile(r"(?:the[ ]+)?([A-Z][\w\-'\u2019&]*(?:[ ]+(?:(?:of|for|de|du|des)[ ]+)?[A-Z][\w\-'\u2019&]*){0,5}"
                   r"(?:[ ]+(?:bank|fund|foundation|company|group|association|society|institute|agency|council))?)")  # "Xac bank"


def listed_names(text: str, left_end: int, right_start: int) -> list[tuple[int, int]]:
    """Items of a list of bodies between two bodies ('X, A, B and Y' gives A and B).

    Why: in a list whose neighbours are bodies, the items between are bodies too, however
    unusual their names ('Hope Without Borders'); each item must be a run of capitalised
    words, or nothing is taken (the gap is then not a plain list).
    """
    gap = text[left_end:right_start]
    if "\n\n" in gap or not re.match(r"[ ]*,", gap) or not re.search(r"(?:,|[ ]and)[ ]+(?:the[ ]+)?$", gap):
        return []
    out: list[tuple[int, int]] = []
    pos = left_end
    for sep in _ITEM_SPLIT.finditer(text, left_end, right_start):
        if sep.start() > pos:
            m = _ITEM.fullmatch(text, pos, sep.start())
            if m is None and _GENERIC_ITEM.fullmatch(text, pos, sep.start()):
                pos = sep.end()  # "..., Monfemnet, civil society organizations, the X": a kind, not a name
                continue
            if m is None:
                return []
            out.append((m.start(1), m.end(1)))
        pos = sep.end()
    return out if pos == right_start or _LEADING.fullmatch(text, pos, right_start) else []


#: A run of capitalised words (or a quoted title) right before a legal or organisational form.
_FORMED = re.compile(r"(?:(?<=[\s(])|^)(?:'([A-Z][^'\n]{2,80})'|((?:[A-Z][\w\-&]*[ ]){0,4}[A-Z][\w\-&]*))"
                     r"[ ](LLC|Ltd\.?|JSC|Inc\.?|LLP|GmbH|PLC|NGO)(?![\w])"
                     # a quoted title before a kind of body: '"Green Steppe" women's cooperative'
                     r"|(?:(?<=[\s(])|^)\"([A-Z][^\"\n]{2,60})\"[ ](?:[\w'’]+[ ]){0,2}?"
                     r"(LLC|NGO|JSC|co-?operative|company|association|foundation|union|partnership)(?![\w])(?![ ][A-Z])", re.M)
_NOT_NAME_START = frozenset("The A An This That Our Their Its His Her At In On Of For By With From And Local "
                            "International National".split())


def formed_names(text: str) -> list[tuple[int, int, str]]:
    """Bodies named with their legal or organisational form: 'Blue Kettle LLC', "'Hope Ahead' NGO".
    Returns (start, end, category) with the form inside the span, except after a quoted title
    (the title is the name). Leading function words and generic adjectives are not the name."""
    out: list[tuple[int, int, str]] = []
    for m in _FORMED.finditer(text):
        if m.group(4):  # a double-quoted title: the title is the name
            kind = m.group(5).lower()
            cat = "ngo" if kind in ("ngo", "association", "foundation", "union") else "private"
            out.append((m.start(4), m.end(4), cat))
            continue
        form = m.group(3).rstrip(".")
        cat = "ngo" if form == "NGO" else "private"
        if m.group(1):
            out.append((m.start(1), m.end(1), cat))
            continue
        words = m.group(2).split(" ")
        s = m.start(2)
        while words and words[0] in _NOT_NAME_START:
            s += len(words.pop(0)) + 1
        if words:
            out.append((s, m.end(3), cat))
    return out
