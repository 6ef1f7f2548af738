"""Events: one per item that reports or announces an activity, with type, dates, status, places,
head count and each actor's role, read from the item's sentences.

Why per item: a news page reports one activity per heading; the heading names and dates it,
the body says who organised, supported and took part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
import bisect
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal, get_args

from coopgraph.loaders.text.dates import DateHit, find_dates, span_of
from coopgraph.loaders.text.events_lexicon import ACTIVITY_WORDS
from coopgraph.loaders.text.lines import trimmed
from coopgraph.loaders.text.segments import Item

_TYPES: tuple[tuple[str, str], ...] = (
    (r"\bsign(?:ed|ing|s)?\b[^.;]{0,60}?\b(?:agreement|memorandum|MoU|contract)|"
     r"\b(?:agreement|memorandum|MoU|contract|grant|loan)\b[^.;]{0,40}?\bsigning\b|\bsigning\s+ceremony", "other"),
    (r"steering\s+committee|\bPSC\b|(?:joint\s+)?coordinat(?:ion|ing)\s+committee|\bJCC\b|advisory\s+committee|"
     r"project\s+board|board\s+meeting", "steering_committee"),
    (r"working\s+group", "working_group"),
    (r"study\s+(?:visit|tour)", "study_visit"),
    (r"field\s+visit|\bvisit(?:ed)?\b|mission\s+to", "field_visit"),
    # "a training workshop" is a training; a "vocational training workshop" is a workshop on vocational training
    (r"(?<!vocational )(?<!technical )(?<!VET )training[ \n]+(?:of[ \n]+trainers[ \n]+)?workshops?|"
     r"(?<!vocational )(?<!technical )(?<!VET )training[ \n]+seminars?", "training"),
    (r"workshop", "workshop"),
    (r"seminar|webinar", "seminar"),
    (r"conference|congress|summit", "conference"),
    (r"forum|round\s?table|policy\s+dialogue", "forum"),
    (r"expo\b|exhibition|fair\b", "expo"),
    # a handover or a donation is its own kind of activity ("other"), not a launch
    (r"\bhand(?:ed|s|ing)?\s+over\b|\bhandover\b|\bdonat(?:ed|es|ion)\b|"
     r"\breceive[ds]?\s+(?:[\w\-]+\s+){0,3}?(?:supplies|equipment|aid|donations?|vehicles|ambulances|masks|kits)\b", "other"),
    (r"launch|\bopening\s+ceremony|\binaugurat|\bopens\b", "launch"),
    (r"\bmission\b", "field_visit"),
    (r"survey|field\s+testing|questionnaire|assessment\s+study|census|needs?\s+assessment|baseline\s+stud", "survey"),
    (r"training(?!\s+(?:and\s+production\s+)?(?:centres?|centers?|institutes?|rooms?|colleges?|schools?|institutions?|providers?))|"
     r"course|capacity\s+building|coaching|\btrained\b", "training"),
    (r"meeting|discussion|consultation|dialogue|presentation|presented|findings", "meeting"),
    (r"newsletter|manual\b|report\b|publication|handbook|guideline", "publication"),
)
_TYPE_RES = tuple((re.compile(p, re.I), t) for p, t in _TYPES)
#: words that report an activity (loaders/text/events_lexicon.py)
_EVENTISH = ACTIVITY_WORDS
_FUTURE = re.compile(r"\b(?:will|shall|is\s+planning|are\s+planning|plans?\s+to|is\s+going\s+to|"
                     r"are\s+going\s+to|upcoming|to\s+be\s+held|scheduled|tomorrow|"
                     r"(?:next|coming)\s+(?:week|month|year|days))\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|has\s+been|have\s+been|took\s+place|organi[sz]ed|conducted|"
                   r"visited|hosted|participated|attended|presented|implemented|provided|agreed|"
                   r"discussed|held|signed|delivered|trained|piloted|completed|met|launched|opened|started|began|is\s+today|are\s+today|is\s+finali[sz]ed|finali[sz]ed)\b", re.I)
_DOWNLOAD = re.compile(r"\b(?:download|available\s+(?:here|at|online))\b", re.I)
_QUOTE_TITLE = re.compile(r'"([^"\n]{3,200})"')
_HEAD_YEAR = re.compile(r"\s+((?:19|20)\d\d)\s*$")
_NAME_BEFORE_YEAR = re.compile(r"\b(?:Plan|Programme|Program|Strategy|Report|Budget|Policy|AWP|Q[1-4])\s*$", re.I)
_COUNT = re.compile(
    r"\b(?:attended\s+by|participated\s+by|enrolled|with|for|gathered|brought\s+together|involving|"
    r"participation\s+of|total\s+of)\s+(?:about\s+|around\s+|some\s+|over\s+|more\s+than\s+)?(\d{1,5})\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:participants|people|persons|attendees|representatives|members|officials|"
    r"stakeholders|delegates|trainees|teachers|specialists|officers|students|staff|inspectors|farmers|"
    r"herders|employers|women|youth|doctors|nurses|health\s+workers|workers|journalists|judges|police\s+officers|"
    r"leaders|managers|directors|entrepreneurs|volunteers|civil\s+servants|educators|experts|researchers|"
    r"children|parents|men|girls|boys)\b", re.I)
_SENT = re.compile(r"[^.!?]+(?:[.!?](?=\s|$)|$)", re.S)


class Spans:
    """Spans (sentences, clauses; overlapping ones merged) with an O(log n) 'is this offset inside one'."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self._spans = merged
        self._starts = [a for a, _ in merged]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]


#: the roles a body takes in an event, as EventDraft's fields name them
Role = Literal["organisers", "supporters", "participants"]
ROLES: tuple[Role, ...] = get_args(Role)


@dataclass
class EventDraft:
    title: str
    type: str
    start: str | None
    end: str | None
    precision: str
    status: str
    evidence_span: tuple[int, int]
    #: the venue, or the area the activity happens in (never the areas a project covers)
    places: list[str] = field(default_factory=list)
    #: the bodies the text says organised, hosted or ran it
    organisers: list[str] = field(default_factory=list)
    #: the bodies that funded, assisted or co-organised it from outside
    supporters: list[str] = field(default_factory=list)
    #: attendees, presenters, trainers, bodies visited and beneficiaries
    participants: list[str] = field(default_factory=list)
    #: every project involved, in any role
    projects: list[str] = field(default_factory=list)
    #: the conventions and policies it was about
    subjects: list[str] = field(default_factory=list)
    #: named persons involved
    people: list[str] = field(default_factory=list)
    #: people present, from an explicit head count only (targets and firms do not count)
    attendee_count: int | None = None

    def actors(self, role: Role) -> list[str]:
        """The bodies in ``role`` (the event's own list: appending to it gives one the role)."""
        if role == "organisers":
            return self.organisers
        if role == "supporters":
            return self.supporters
        return self.participants

    def set_actors(self, role: Role, eids: list[str]) -> None:
        if role == "organisers":
            self.organisers = eids
        elif role == "supporters":
            self.supporters = eids
        else:
            self.participants = eids


_TITLE_LINE = re.compile(r"^\s*[^\n]{3,160}[^.!?:\s]\s*$")
#: A newline that begins a blank line. ``[^\S\n]*`` (not ``\s*``): the same lines, but ``\s*``
#: ran to the end of every run of blank lines from each of them (100k blank lines: minutes).
_BLANK_LINE = re.compile(r"\n(?=[^\S\n]*\n)")


@lru_cache(maxsize=4)
def sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Sentence spans in text[start:end] (split at . ! ? and blank lines).

    Paragraphs are the stretches between newlines that begin a blank line; each is scanned in
    place (``pos``/``endpos``), so no copy of the text is made. The last few answers are kept:
    an item's sentences are asked for by the event, its embedded activities and its roles.
    """
    out: list[tuple[int, int]] = []
    pa = start
    for sep in _BLANK_LINE.finditer(text, start, end):
        _para_sentences(text, pa, sep.start(), out)
        pa = sep.end()
    _para_sentences(text, pa, end, out)
    return tuple(out)


def first_sentence(text: str) -> tuple[int, int] | None:
    """The first sentence of a short text (not cached: ``sentences`` keeps the last few
    documents' answers, and a title's account must not push them out)."""
    runs = trimmed(text, _sentence_runs(text, 0, len(text)))
    return runs[0] if runs else None


def _para_sentences(text: str, pa: int, pb: int, out: list[tuple[int, int]]) -> None:
    if pb <= pa:
        return
    out.extend(trimmed(text, _sentence_runs(text, pa, pb)))


#: a sentence's closing stop, with the closing quotes or brackets glued to it ('said.” The')
_STOP = re.compile(r"[.!?]+[”\"’')\]]*")
#: words written with a stop that does not end a sentence ('Mr. A', 'No. 138', 'approx. 30')
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st no nos jr sr snr co inc ltd vs etc approx dept govt hon rev "
                           "gen col capt lt fig vol pp art sec jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ABBREVIATION_CHARS = 12


def _sentence_runs(text: str, pa: int, pb: int) -> list[tuple[int, int]]:
    """Consecutive sentence spans covering text[pa:pb], in linear time.

    A stop ends a sentence when white space (or the end) follows it, unless it closes an
    abbreviation, an initial or a dotted acronym ('Mr. A', 'S. Purev', 'the U.S. Embassy') or the
    next word starts in lower case. A stop glued to the next word ('3.5', 'U.S', 'x.y') ends
    nothing. Why not a pattern of non-stops: it dropped the start of every sentence holding an
    initial or 'U.S.' (the run before a glued stop matched nowhere), and with it the bodies named
    there."""
    out: list[tuple[int, int]] = []
    a = pa
    for m in _STOP_OR_LINE.finditer(text, pa, pb):
        if m.group() == "\n":
            if _heading_line(text, a, m.start(), pb):
                out.append((a, m.end()))
                a = m.end()
            continue
        e = m.end()
        if e < pb and not text[e].isspace() and not _missing_space(text, m.start(), e, pb):
            continue
        if m.group().startswith(".") and len(m.group().rstrip("”\"’')]")) == 1 and _abbreviation(text, a, m.start()):
            continue
        if _lower_next(text, e, pb):
            continue
        out.append((a, e))
        a = e
    if a < pb:
        out.append((a, pb))
    return out


#: a stop, or a line end (which ends a heading-like line: see _heading_line)
_STOP_OR_LINE = re.compile(r"[.!?]+[”\"’')\]]*|\n")
#: words a line wrapped in mid-sentence ends with
_OPEN_ENDINGS = frozenset("of for and the to in with by a an on at from & or its their".split())
_HEADING_WORDS = 10


def _heading_line(text: str, a: int, nl: int, pb: int) -> bool:
    """A short line with no closing stop, followed by a line that starts in upper case, is a
    sentence of its own: a headline, a section label, a dateline, a byline ('Workshop held' /
    'Society' / 'reporter@example'). A long line, a line with a comma (a list wrapped over lines:
    '..., Education Department, Health' / 'Association, ...') or one ending in a word that needs
    more ('... organised by the') is a paragraph wrapped in mid-sentence."""
    line = text[text.rfind("\n", a, nl) + 1:nl].strip()
    if not line or line[-1] in ".!?,;:-–—(" or len(line.split()) > _HEADING_WORDS or "," in line:
        return False
    if line.split()[-1].lower() in _OPEN_ENDINGS:
        return False
    k = nl + 1
    while k < pb and text[k] in " \t":
        k += 1
    return k < pb and text[k].isupper()


def _missing_space(text: str, stop: int, e: int, pb: int) -> bool:
    """'…an Exchange.The following…': a word, a stop and a capitalised word glued to it is a
    sentence end whose space was lost (a dotted acronym, 'U.S', or a number, '3.5', is not)."""
    return (stop > 0 and text[stop - 1].islower() and e + 1 < pb and text[e].isupper()
            and text[e + 1].islower())


def _abbreviation(text: str, lo: int, stop: int) -> bool:
    k = stop
    while k > lo and stop - k < _ABBREVIATION_CHARS and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:stop]
    if not word or (k > lo and text[k - 1].isalnum()):
        return False
    if len(word) == 1:
        return word.isupper()  # an initial: 'S. Purev'
    return "." in word or word.casefold() in _ABBREVIATIONS  # 'U.S.', 'e.g.', 'Mr.'


def _lower_next(text: str, e: int, pb: int) -> bool:
    """The next word after a stop starts in lower case: the sentence goes on ('approx. the')."""
    k = e
    while k < pb and text[k] in " \t":
        k += 1
    return k < pb and text[k].islower()


def event_type(*texts: str) -> str:
    """The activity type named in the first text that names one (priority order of _TYPES);
    "other" when none does."""
    for t in texts:
        kind = named_type(t)
        if kind is not None:
            return kind
    return "other"


#: "Orientation training for heads of soum steering committees": the committee is whom the
#: activity serves, not the activity
_FOR_COMMITTEE = re.compile(r"\b(?:training|workshop|seminar|course|orientation|webinar)\b[^.;:]{0,80}?\b(?:for|to)\b[^.;:]*$",
                            re.I)


def named_type(text: str) -> str | None:
    """The activity type the text names, or None when it names none (a handover is "other" too,
    but a named one: a heading that names it decides the type over the body's words)."""
    for rx, kind in _TYPE_RES:
        m = rx.search(text)
        if m is None:
            continue
        if kind in ("steering_committee", "working_group") and _FOR_COMMITTEE.search(text, 0, m.start()):
            continue
        return kind
    return None


def heading_year(item: Item) -> int | None:
    m = _HEAD_YEAR.search(item.heading)
    if m and not _NAME_BEFORE_YEAR.search(item.heading[:m.start()]):
        return int(m.group(1))
    return None


def is_publication(text: str, item: Item) -> bool:
    body = text[item.body_span[0]:item.body_span[1]]
    return bool(_DOWNLOAD.search(body)) and len(body) < 600


def main_sentence(text: str, sents: Sequence[tuple[int, int]], heading_type: str) -> tuple[int, int] | None:
    """The sentence that reports the activity: first with an event verb and, if possible, its type.
    A told sentence (ending in a stop) is preferred to a line with none (a headline or label
    left in the body: the headline names the activity, the sentence reports it)."""
    told = [(s, e) for s, e in sents if text[s:e].rstrip("”\"’')] ").endswith((".", "!", "?"))]
    if told and len(told) < len(sents):
        found = main_sentence(text, told, heading_type)
        if found is not None:
            return found
    best = None
    for s, e in sents:
        seg = text[s:e]
        if _EVENTISH.search(seg):
            if heading_type != "other" and (event_type(seg) == heading_type or _names_kind(seg, heading_type)):
                return s, e
            if best is None:
                best = (s, e)
    return best


def _names_kind(seg: str, kind: str) -> bool:
    """Does the sentence name an activity of this kind, even inside a phrase of another kind (a
    "training workshop" names a workshop as well as a training)?"""
    return any(k == kind and rx.search(seg) for rx, k in _TYPE_RES)


def build_event(text: str, item: Item, exclude: tuple[tuple[int, int], ...] = ()) -> EventDraft | None:
    """The event an item reports, or None when it reports no activity; dates inside ``exclude``
    (sentences reporting another activity) are not its own."""
    b0, b1 = item.body_span
    body = text[b0:b1]
    year = heading_year(item) or (item.stamp[0] if item.stamp else None)
    sents = sentences(text, b0, b1)
    if is_publication(text, item):
        q = _QUOTE_TITLE.search(body)
        title = q.group(1) if q else item.heading
        ev = sents[0] if sents else item.heading_span
        return EventDraft(title, "publication", None, None, "unknown", "completed", ev)
    named = named_type(item.heading)
    htype = named or "other"
    if not _EVENTISH.search(body) and named is None:
        return None
    if not item.heading and _TITLE_LINE.match(body):
        return None  # a page's title line ("X Project - Newsletter No. 7, Autumn 2018"), not a report
    main = main_sentence(text, sents, htype)
    if main is None:
        if htype == "other" or not body.strip():
            return None
        main = sents[0] if sents else item.heading_span
    etype = named if named is not None else event_type(text[main[0]:main[1]], body)
    hits: list[DateHit] = find_dates(text, b0, b1, year)
    if year is None and any(h.first is None for h in hits):
        # "ULAANBAATAR, June 27, 2014 - On June 26-27, ...": the dateline's year dates the
        # day and month the report gives without one; else the page's date stamp's year (only
        # year-less days and months need one)
        year = _dateline_year(text, hits) or (item.stamp[0] if item.stamp else None) \
            or next((int(h.first[:4]) for h in hits if h.first and h.precision == "day"), None)
        if year is not None:
            hits = find_dates(text, b0, b1, year)
    if exclude:
        ex = Spans(exclude)
        hits = [h for h in hits if not ex.holds(h.start)]
    report_year = item.stamp[0] if item.stamp else next(
        (int(h.first[:4]) for h in hits if h.first and h.precision == "day"
         and (_is_dateline(text, h) or (_is_date_line(text, h) and h.start < main[1]))), None)
    own = _own_dates(text, hits, main, sents)
    if report_year is not None and own:
        # a story's background ("the programme ran in 2017-2021", "the compact signed on 27 July
        # 2018") does not date the activity its page reports: outside the main sentence, only
        # dates of the report's year do, else the report's own date
        in_main = [h for h in own if main[0] <= h.start < main[1]]
        datelined = [h for h in hits if h.precision == "day" and _is_dateline(text, h)]
        page_dated = [h for h in hits if h.precision == "day" and _is_date_line(text, h) and h.start < main[1]]
        kept = in_main or datelined or page_dated \
            or [h for h in own if h.precision != "year" and (h.first or "")[:4] == f"{report_year:04d}"]
        if kept and kept == page_dated:
            # only the page's date above the story dates it: the activity happened around then,
            # in that month, as with a posting time stamp
            kept = [replace(h, first=(h.first or "")[:7], last=(h.last or h.first or "")[:7], precision="month")
                    for h in kept[:1]]
        # else the dateline's day, where the story is written from, before the page's stamp
        own = kept or [h for h in hits if _is_dateline(text, h)]
    hits = own
    start, end, prec = span_of(hits)
    head_hits = find_dates(text, item.heading_span[0], item.heading_span[1], year) if item.heading else []
    if any(h.precision == "day" for h in head_hits):
        # "Training seminar on ILS, 8 May 2019" over a body of background years: the heading's
        # day dates the activity it names
        start, end, prec = span_of(head_hits)
    if start is None and item.heading:
        # "Teacher training in Orkhon, 15-19 October 2018": the heading dates a body that does not
        start, end, prec = span_of(find_dates(text, item.heading_span[0], item.heading_span[1], year))
    if start is None and item.stamp:
        y, mo, d = item.stamp
        if _POSTING_TIME.search(text, item.heading_span[1], item.body_span[0]):
            # only a posting time stamp ("2021-10-21 15:12:46") dates the report: the activity
            # happened around then, in that month, not on the day the story was posted
            start = end = f"{y}-{mo:02d}"
            prec = "month"
        else:  # a date line under the heading ("June 12, 2019") is the item's own date
            start = end = f"{y}-{mo:02d}-{d:02d}"
            prec = "day"
    if start is None and heading_year(item):
        start = end = str(heading_year(item))
        prec = "year"
    weekday = _WEEKDAY.search(text, main[0], main[1])
    if (weekday is not None and prec != "day") or (weekday is not None and start is not None and \
            not find_dates(text, main[0], main[1], year)):
        ref = _reference_day(text, item, hits)
        if ref is not None:
            start = end = _weekday_near(ref, weekday.group(1), forward=bool(_FUTURE.search(text, main[0], main[1])))
            prec = "day"
    title = _title(text, item, main, etype)
    return EventDraft(title, etype, start, end, prec, event_status(text, item, main, body), main,
                      attendee_count=_count(body))


_POSTING_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z'\-]+(?:[ .,]+(?:[A-Z][A-Za-z'\-]+|city|province|aimag|district|"
                              r"region)){0,3}[ \t]*[,(][ \t]*$")
_DATELINE_AFTER = re.compile(r"\)?[ \t]*(?:[-:\u2013\u2014]|\n)")  # "Kathmandu, March 16" on a line of its own too


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:on|last|this|next)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _reference_day(text: str, item: Item, hits: list[DateHit]) -> str | None:
    """The day a report is written from: its dateline, its date stamp, or a date standing alone."""
    for h in hits:
        if h.first and h.precision == "day" and (_is_dateline(text, h) or _is_date_line(text, h)
                                                 or _POSTING_TIME.search(text, max(0, h.start - 8), h.start)):
            return h.first
    if item.stamp:
        y, mo, d = item.stamp
        return f"{y}-{mo:02d}-{d:02d}"
    return None


def _weekday_near(ref: str, weekday: str, forward: bool) -> str:
    """'on Friday' in a report written on ``ref``: the last such day up to it (or the next one,
    for an announcement)."""
    from datetime import date, timedelta

    day = date.fromisoformat(ref)
    want = _WEEKDAYS.index(weekday.lower())
    step = timedelta(days=1 if forward else -1)
    while day.weekday() != want:
        day += step
    return day.isoformat()


def _dateline_year(text: str, hits: list[DateHit]) -> int | None:
    for h in hits:
        if h.first and h.precision == "day" and _is_dateline(text, h):
            return int(h.first[:4])
    return None


def _is_dateline(text: str, h: DateHit) -> bool:
    return bool(_DATELINE_BEFORE.search(text, max(0, h.start - 60), h.start) and _DATELINE_AFTER.match(text, h.end))


#: a line holding only a date, or a label and a date ("Posted: 2014-03-30", "Date: 3 May 2019")
#: what may follow a date on its own line: a posting time ("June 17, 2020, 16:46")
_AFTER_DATE_LINE = re.compile(r"[ \t.]*(?:,?[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]*)?")
_DATE_LINE_LABEL = re.compile(r"[ \t]*(?:[^\W\d_][^\n:]{0,24}:[ \t]*)?$")


def _is_date_line(text: str, h: DateHit) -> bool:
    """A date standing alone on its line (the page's posting date), not a date in a sentence."""
    line_start = text.rfind("\n", 0, h.start) + 1
    line_end = text.find("\n", h.end)
    line_end = len(text) if line_end < 0 else line_end
    return _DATE_LINE_LABEL.fullmatch(text, line_start, h.start) is not None \
        and _AFTER_DATE_LINE.fullmatch(text, h.end, line_end) is not None


def _own_dates(text: str, hits: list[DateHit], main: tuple[int, int],
               sents: Sequence[tuple[int, int]] = ()) -> list[DateHit]:
    """The dates of the reported activity: a press release's dateline ("ULAANBAATAR, 14 November
    2019 -") dates the release, not the activity, unless nothing else does; and in the report of
    a past activity, a sentence about what will follow ("... will start from January 2019") dates
    something else."""
    own = [h for h in hits if not _is_dateline(text, h) and not _is_date_line(text, h)]
    hits = own or hits
    seg = text[main[0]:main[1]]
    if _FUTURE.search(seg) or not _PAST.search(seg) or not sents:
        return hits
    # a past report: dates of sentences about what will happen next are not its own
    future = Spans([(a, b) for a, b in sents if _FUTURE.search(text, a, b) and not _PAST.search(text, a, b)])
    kept = [h for h in hits if not future.holds(h.start)]
    return kept


def _title(text: str, item: Item, main: tuple[int, int], etype: str) -> str:
    """The heading when it names the activity; else the heading with the activity's own noun
    phrase from the main sentence (a headline is often a slogan: "X, Y seek to manage labour
    migration: two-day workshop in Ulan Bator")."""
    head = _HEAD_YEAR.sub("", item.heading).strip() if heading_year(item) else item.heading.strip()
    seg = text[main[0]:main[1]]
    named = _NAMED_ACTIVITY.search(seg)
    if named is not None:
        # "a ‘Clean Air for Schools’ consultation workshop was held": the activity's own name
        return " ".join(f"‘{named.group(1) or named.group(2)}’ {named.group(3)}".split())
    phrase = ""
    for rx, kind in _TYPE_RES:
        if kind == etype:
            m = rx.search(seg)
            if m:
                phrase = nominal(seg, m.start(), noun_phrase(seg, m.start()))  # ends at a phrase boundary
                break
    if not phrase:
        return head or " ".join(seg.split()[:10])
    if not head:
        return phrase
    if event_type(head) != "other" and len(head.split()) > 3:
        return head  # a heading that names the activity is its title
    return f"{head}: {phrase}"


#: an activity named by a quoted title right before its noun: "a ‘X’ multi-stakeholder workshop"
_NAMED_ACTIVITY = re.compile(r"(?:(?<![\w'])'([^'‘’“”\"]{5,120})'(?![\w'])|[‘“\"]([^‘’“”\"]{5,120})[’”\"])[ \n]+"
                             r"((?:[\w\-’']+[ \n]+){0,3}(?:workshop|training|seminar|conference|forum|meeting|consultation|"
                             r"webinar|course|exhibition|fair|festival|campaign|competition|dialogue|round\s?table)s?)\b", re.I)


#: the noun an analyst names an activity by, for the verb a report tells it with
_NOMINAL = (("signed", "Signing"), ("launched", "Launch"), ("opened", "Opening"), ("inaugurated", "Inauguration"),
            ("handed over", "Handover"), ("donated", "Donation"), ("distributed", "Distribution"),
            ("delivered", "Delivery"), ("trained", "Training"), ("visited", "Visit"), ("validated", "Validation"),
            ("reviewed", "Review"), ("put into operation", "Commissioning"), ("commissioned", "Commissioning"))
_PASSIVE_BEFORE = re.compile(r"(?:^|[,;:\u2013\u2014-][ \t]+)((?:[^,;:\u2013\u2014]{3,120}?))[ \n]+(?:was|were|has[ \n]+been|"
                             r"have[ \n]+been|is|are|had[ \n]+been)[ \n]+(?:\w+ly[ \n]+)?$")


def nominal(seg: str, at: int, phrase: str) -> str:
    """The activity named as a noun when the report tells it with a verb: 'signed a Memorandum of
    Understanding' -> 'Signing of a Memorandum of Understanding'; 'A solar plant has been officially
    launched in X' -> 'Launch of a solar plant in X'. Other phrases are returned as they are."""
    low = phrase.lower()
    for verb, noun in _NOMINAL:
        if not low.startswith(verb + " ") and low != verb:
            continue
        rest = phrase[len(verb):].strip()
        passive = _PASSIVE_BEFORE.search(seg, 0, at)
        if passive is not None:
            subject = " ".join(passive.group(1).split())
            subject = re.sub(r"^(?:[A-Z][A-Z .]+[ \t]*[-\u2013\u2014][ \t]*)", "", subject)  # a dateline
            words = subject.split()
            if 0 < len(words) <= 12:
                subject = subject[0].lower() + subject[1:] if words[0] in ("A", "An", "The") else subject
                return f"{noun} of {subject}" + (f" {rest}" if rest else "")
        if not rest:
            return noun
        if verb == "visited" or rest.split()[0].lower() in ("to", "in", "at", "for", "with", "on"):
            return f"{noun} {rest}" if verb != "visited" else f"{noun} to {rest}"
        return f"{noun} of {rest}"
    return phrase


_LEAD_STOP = frozenset("a an the this that these its their his her our and or of in on at to for by with from as is are "
                       "was were be been will would has have had organized organised held conducted hosted opened "
                       "launched attended joined planned new".split())
_LEAD_OK = re.compile(r"^[A-Za-z][\w\-]*$")
#: a quoted name just before the activity noun: "a 'Skills for Jobs' consultation workshop"
_QUOTED_BEFORE = re.compile(r"[\"“‘'][^\"“”‘’]{3,120}[\"”’']\s+(?:[A-Za-z][\w\-’']*\s+){0,3}$")
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
#: where a noun phrase ends: a verb or role cue, a date, a time word; a place after in/at stays
_PHRASE_STOP = re.compile(r"[,.;:(]|\swith\s+(?:the|a|an|[A-Z])|\s(?:organi[sz]ed|organi[sz]ing|held|conducted|hosted|jointly|together|by|"
                          r"was|were|is|are|will|which|that|who|where|took|during|to\s+(?!the\b)[a-z]+)\b|"
                          rf"\s(?:in|at|on|from|since|by|until|between)\s+(?:the\s+)?(?:\d|(?:{_MONTHS})\b|early|late|mid)|"
                          r"\s(?:this|next|last)\s+(?:week|month|year)\b|\s(?:today|tomorrow|yesterday)\b|"
                          r"\s(?:from|since)\s+(?:the\s+)?(?:[A-Z0-9])")
_TRAILING = re.compile(r"(?:\s+(?:for|of|on|in|and|the|a|an|to|at|with|by|its|their))+$", re.I)
_MAX_PHRASE_WORDS = 16


def noun_phrase(seg: str, at: int) -> str:
    """The activity's name in a sentence: the event noun with its modifiers, up to the next verb,
    cue, date or time word ('a training on social insurance for herders in Khovd, organized
    jointly with ...' -> 'training on social insurance for herders in Khovd'). A quoted name
    just before the noun is part of it."""
    lead: list[str] = []
    quoted = _QUOTED_BEFORE.search(seg, 0, at) if not re.match(r"\w+ed\b", seg[at:]) else None
    if quoted is not None:
        lead = seg[quoted.start():at].split()
    else:
        for w in reversed(seg[:at].split()[-3:] if not re.match(r"\w+ed\b", seg[at:]) else []):
            if not _LEAD_OK.match(w) or w.lower() in _LEAD_STOP:
                break
            lead.insert(0, w)
    rest = seg[at:]
    stop = _PHRASE_STOP.search(rest)
    words = (rest[:stop.start()] if stop else rest).split()[:_MAX_PHRASE_WORDS]
    phrase = _TRAILING.sub("", " ".join(lead + words)).strip(" ,.;")
    return phrase or " ".join(rest.split()[:6]).strip(" ,.;")


def _finite_past(seg: str) -> bool:
    """A past-tense verb, not a participle ('co-organized by X, is scheduled for ...')."""
    return any(not re.match(r"\s+by\b", seg[m.end():m.end() + 4]) for m in _PAST.finditer(seg))


def event_status(text: str, item: Item, main: tuple[int, int], body: str) -> str:
    """completed / planned / unknown from the section, the main sentence's tense, then the body's."""
    if item.section == "upcoming":
        return "planned"
    seg = text[main[0]:main[1]]
    if _FUTURE.search(seg) and not _finite_past(seg):
        return "planned"
    if not _PAST.search(seg):
        # "X is hosting a workshop this week." says no tense of its own: the next sentences that
        # name the activity ("The workshop, which starts tomorrow, will ...") do
        told = _tense_of_mentions(text, item, main)
        if told is not None:
            return told
    if _PAST.search(body) or item.section == "past":
        return "completed"
    if _FUTURE.search(body):
        return "planned"
    return "unknown"


_ACTIVITY_NOUN = re.compile(r"\b(?:the|this|that)\s+(?:[\w\-]+\s+){0,2}?(?:training|workshop|seminar|meeting|"
                            r"conference|forum|course|event|visit|mission|ceremony|session|dialogue|consultation)s?\b", re.I)


def _tense_of_mentions(text: str, item: Item, main: tuple[int, int]) -> str | None:
    """planned / completed from the first later sentence of the item that names the activity
    again and has a tense; None when none does."""
    for s, e in sentences(text, main[1], item.body_span[1]):
        seg = text[s:e]
        if not _ACTIVITY_NOUN.search(seg):
            continue
        if _FUTURE.search(seg) and not _finite_past(seg):
            return "planned"
        if _PAST.search(seg):
            return "completed"
    return None


def _count(body: str) -> int | None:
    for m in _COUNT.finditer(body):
        pre = body[max(0, m.start() - 20):m.start()].lower()
        if "capacity" in pre or "includes" in pre or "include" in pre:
            continue
        return int(m.group(1))
    return None
