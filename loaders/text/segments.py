"""Splitting a page into items: a heading line, an optional date stamp, and the body under it.

Why: news pages and newsletters are lists of items, each one activity. The heading names the
activity and often ends with the year that dates a body giving only day and month; a section
heading such as "Upcoming Events" marks everything below it as planned; a publication list
("Please download ...") holds publications.
"""

from __future__ import annotations

import re
from datetime import datetime, UTC
from dataclasses import dataclass

from coopgraph.loaders.text.dates import find_dates
from coopgraph.loaders.text.lines import Line, text_lines

_STAMP = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_UPCOMING = re.compile(
    r"^\s*(?:upcoming|forthcoming|future|planned|coming)\s+(?:events?|activities|meetings?)\s*:?\s*$",
    re.I)
_PAST_SECTION = re.compile(
    r"^\s*(?:past|previous|recent|completed)\s+(?:events?|activities|news)\s*:?\s*$", re.I)
_FIELD_LINE = re.compile(r"^\s*[\w ]{1,30}:\s+\S")
#: "For more information, please contact:": what follows is a contact block, not the report
_CONTACT = re.compile(r"^[ \t]*(?:for\s+(?:more|further)\s+information|media\s+contacts?|press\s+contacts?|"
                      r"related\s+(?:links|news|stories|articles)\s*:?\s*$|share\s+this\b|tags\s*:|read\s+more\W{0,3}$|"
                      r"contacts?(?:\s+(?:person|details))?\s*:|please\s+contact)", re.I | re.M)
_BULLET = re.compile(r"^\s*(?:[•\-\*·▪●◦]|\d+[\.\)]\s)")
_MAX_HEADING = 140


@dataclass(frozen=True)
class Item:
    """One heading and its body, with offsets into the document text."""

    heading: str
    heading_span: tuple[int, int]
    body_span: tuple[int, int]
    section: str  # "upcoming", "past" or ""
    stamp: tuple[int, int, int] | None  # a dated announcement line (year, month, day)


def split_items(text: str) -> list[Item]:
    """Split normalised text into items; text before the first heading is an item with no heading."""
    lines = text_lines(text)
    heads = _demote_sentences(lines, [i for i in range(len(lines)) if _is_heading(lines, i)])
    items: list[Item] = []
    section = ""
    first_body = lines[0].start if lines else 0
    if heads and heads[0] > 0 and lines[heads[0]].start > first_body:
        stop = _before_contact(text, first_body, lines[heads[0]].start)
        items.append(Item("", (first_body, first_body), (first_body, stop), "", None))
    if not heads and lines:
        return [Item("", (0, 0), (0, _before_contact(text, 0, len(text))), "", None)]
    for n, h in enumerate(heads):
        line = lines[h]
        stop = lines[heads[n + 1]].start if n + 1 < len(heads) else len(text)
        if _UPCOMING.match(line.text) or _PAST_SECTION.match(line.text):
            section = "upcoming" if _UPCOMING.match(line.text) else "past"
            if text[line.end:stop].strip():
                # "Upcoming events" over a list of entries: the list is an item with no heading
                end = _before_contact(text, line.end + 1, stop)
                items.append(Item("", (line.end + 1, line.end + 1), (line.end + 1, end), section, None))
            continue
        body_start, stamp = _stamp_after(lines, h)
        item = Item(line.text.strip(), (line.start, line.end), (body_start, _before_contact(text, body_start, stop)),
                    section, stamp)
        items += _section_paragraphs(text, item) or [item]
    return items


_SECTION_HEAD = re.compile(r"^(?:[A-Z][\w'\-]*)(?:[ \t]+[\w'\-]+){0,2}$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LEAD = re.compile(r"([A-Z][^.!?\n]{5,100}?)[.!?][ \t]+(?=[A-Z0-9\"])")


def _section_paragraphs(text: str, item: Item) -> list[Item]:
    """Under a section heading that names no activity ("Highlights", "Project news"), paragraphs
    that each carry a date of their own are separate items: each is one activity. A paragraph's
    short first sentence ("Study tour to Switzerland.") is its run-in heading. Empty when the
    item is not such a section."""
    if not _SECTION_HEAD.match(item.heading) or _ACTIVITY_WORD.search(item.heading):
        return []
    b0, b1 = item.body_span
    paras: list[tuple[int, int]] = []
    pos = b0
    for m in _PARAGRAPH_BREAK.finditer(text, b0, b1):
        if text[pos:m.start()].strip():
            paras.append((pos, m.start()))
        pos = m.end()
    if text[pos:b1].strip():
        paras.append((pos, b1))
    if len(paras) < 2 or any(_BULLET.match(text, a) for a, _ in paras):
        return []
    if not all(any(h.precision in ("day", "month") for h in find_dates(text, a, b, None)) for a, b in paras):
        return []
    out: list[Item] = []
    for a, b in paras:
        while a < b and text[a].isspace():
            a += 1
        lead = _LEAD.match(text, a, b)
        if lead is not None and len(lead.group(1).split()) <= 10 and not _DATE_IN_LEAD.search(lead.group(1)):
            out.append(Item(lead.group(1).strip(), (a, a + len(lead.group(1))), (lead.end(), b), item.section, item.stamp))
        else:
            out.append(Item("", (a, a), (a, b), item.section, item.stamp))
    return out


#: a section heading that names an activity ("Training", "Field visits") is one item, not a section
_ACTIVITY_WORD = re.compile(r"\b(?:training|workshop|seminar|meeting|visit|conference|forum|survey|mission|"
                            r"course|launch|study|tour|ceremony|expo|fair)s?\b", re.I)
_DATE_IN_LEAD = re.compile(r"\b(?:19|20)\d\d\b|\b(?:on|in|from)\s+\d")


def _before_contact(text: str, start: int, stop: int) -> int:
    """Where a body ends: before a contact block ("For more information, please contact: ...")."""
    m = _CONTACT.search(text, start, stop)
    return m.start() if m else stop


_SENTENCE_LIKE = re.compile(r"\b(?:will|was|were|is|are|has|have|had)\b.*\d", re.I)


def _demote_sentences(lines: list[Line], heads: list[int]) -> list[int]:
    """A heading with an empty body followed by a sentence-like 'heading': that line is its body."""
    out: list[int] = []
    for h in heads:
        if out and _SENTENCE_LIKE.search(lines[h].text) and _only_blank_between(lines, out[-1], h):
            continue
        out.append(h)
    return out


def _only_blank_between(lines: list[Line], a: int, b: int) -> bool:
    return all(_blank(lines, k) for k in range(a + 1, b))


def _blank(lines: list[Line], i: int) -> bool:
    return i < 0 or i >= len(lines) or not lines[i].text.strip()


#: "Kathmandu, March 16", "ULAANBAATAR, 3 May 2019": a dateline on a line of its own opens the
#: story's body; it is not the heading of an item of its own
_DATELINE_ALONE = re.compile(r"^[A-Z][A-Za-z'\-]+(?:[ ][A-Z][A-Za-z'\-]+){0,2},[ ]+(?:\d{1,2}[ ]+[A-Z][a-z]+|[A-Z][a-z]+\.?[ ]+\d{1,2})"
                             r"(?:,?[ ]+\d{4})?$")


def _is_heading(lines: list[Line], i: int) -> bool:
    """A short, capitalised line standing on its own: not a sentence, bullet or field."""
    t = lines[i].text.strip()
    if not t or len(t) > _MAX_HEADING or date_line(t) is not None or _DATELINE_ALONE.match(t):
        return False
    if _UPCOMING.match(t) or _PAST_SECTION.match(t):
        return True
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "\"'"):
        return False
    if t[-1] in ".,;:!?" or _BULLET.match(t) or _FIELD_LINE.match(t):
        return False
    if t.count(". ") >= 1 or len(t.split()) > 18:
        return False
    before_ok = _blank(lines, i - 1) or lines[i - 1].text.rstrip().endswith((".", "!", "?", ":")) \
        or bool(_UPCOMING.match(lines[i - 1].text) or _PAST_SECTION.match(lines[i - 1].text))
    if not before_ok:
        return False
    nxt = i + 1
    if _blank(lines, nxt):
        return _next_block_is_body(lines, nxt)
    nt = lines[nxt].text.strip()
    if date_line(nt) is not None:
        return True
    if nxt + 1 < len(lines) and _SOURCE_LINE.match(nt) and \
            (date_line(lines[nxt + 1].text) is not None or len(lines[nxt + 1].text.strip()) > 40):
        return True  # "Headline / Xinhua / <date>", "Headline / Society / <the story>"
    # a heading glued to its body: the next line is a long sentence
    return len(nt) > max(2 * len(t), 150) and not _wrapped(lines, i)


def _wrapped(lines: list[Line], i: int) -> bool:
    """True when line i is the first line of a hard-wrapped paragraph."""
    return not _blank(lines, i + 1) and 40 <= len(lines[i].text) <= 90 \
        and 40 <= len(lines[i + 1].text) <= 90


def _next_block_is_body(lines: list[Line], i: int) -> bool:
    """After blank lines, is there any text at all (a heading at the very end is not an item)."""
    j = i
    while j < len(lines) and _blank(lines, j):
        j += 1
    return j < len(lines)


def _stamp_after(lines: list[Line], h: int) -> tuple[int, tuple[int, int, int] | None]:
    """The date line right under a heading (a blank line between allowed): the item's stamp."""
    j = h + 1
    if j < len(lines) and _blank(lines, j):
        j += 1
    label = lines[h].end
    if j + 1 < len(lines) and _SOURCE_LINE.match(lines[j].text) and not _blank(lines, j):
        # "Xinhua", "Society": the agency or the section between the headline and its date or story
        label = lines[j].end
        j += 1
        if j + 1 < len(lines) and _EMAIL_LINE.match(lines[j].text):
            label = lines[j].end  # the reporter's address under the section label
            j += 1
    if j < len(lines):
        stamp = date_line(lines[j].text)
        if stamp is not None:
            return lines[j].end, stamp
    return label, None


#: a line naming only the agency or paper a story comes from: one to three capitalised words
_SOURCE_LINE = re.compile(r"^[ \t]*(?:[A-Z][\w.&'\-]*)(?:[ \t]+[A-Z][\w.&'\-]*){0,2}[ \t]*$")
#: a line that is only an e-mail address (a reporter's, under the headline)
_EMAIL_LINE = re.compile(r"^[ \t]*[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+[ \t]*$")
#: a page's time stamp saved as Unix time, in seconds or milliseconds (years 2000-2033)
_EPOCH = re.compile(r"^\s*(9\d{8}|1\d{9})(\d{3})?\s*$")


_DATE_LINE = re.compile(r"^\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?,?\s*)?"
                        r"(?:(?:date|posted|published|updated)(?:\s+on)?\s*:?\s*|[A-Z][A-Za-z'\-]+(?:[ ,]+[A-Z][A-Za-z'\-]+){0,2},\s*)?"
                        r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?([^\n]{6,30}?)"
                        r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$", re.I)


def date_line(line: str) -> tuple[int, int, int] | None:
    """A line that is only a date ('2019-06-12', 'June 12, 2019', 'Date: 3 May 2019',
    '12.06.2019', '(Agency) 16:07, May 16, 2020'): an item's date stamp as (year, month, day)."""
    m = _STAMP.match(line)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    e = _EPOCH.match(line)
    if e:
        day = datetime.fromtimestamp(int(e.group(1)), tz=UTC)
        return day.year, day.month, day.day
    d = _DATE_LINE.match(line)
    if d is None or len(line) > 64:
        return None
    hits = find_dates(line, d.start(1), d.end(1), None)
    if len(hits) == 1 and hits[0].precision == "day" and hits[0].first == hits[0].last and hits[0].first \
            and hits[0].start == d.start(1) and hits[0].end == d.end(1):
        y, mo, dd = hits[0].first.split("-")
        return int(y), int(mo), int(dd)
    return None
