"""Activities mentioned inside another item's report: "During the meeting X and Y organized a
ceremony ...", "To organize next PSC meeting in January 2018", "the workshop ..., held in Turin".

Why: a news item reports one activity, but its sentences often name another one in passing, with
other actors, another date or another status. An analyst counts those as events of their own; left
inside the main event they lend it wrong actors and dates. Only sentences whose language marks a
separate activity are split off: an event verb with an event noun of a different kind than the
item's, a "next ..." activity, or a reduced relative "<noun>, held in <place>".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coopgraph.loaders.text.dates import find_dates
from coopgraph.loaders.text.events import event_type

_NOUN = (r"ceremony|workshop|seminar|training(?:\s+of\s+trainers)?|course|conference|forum|round\s?table|survey|"
         r"meeting|study\s+visit|study\s+tour|field\s+visit|exhibition|expo|(?:review\s+)?mission|"
         r"launch(?:\s+event|\s+ceremony)?|consultation|(?:policy\s+)?dialogue|webinar|(?:job\s+)?fair|festival")
_ACT = re.compile(
    r"\b(?:organi[sz]ed|conducted|held|hosted|will\s+(?:organi[sz]e|conduct|hold|host)|[Tt]o\s+organi[sz]e|"
    r"[Tt]o\s+hold|[Tt]o\s+conduct)\s+(?:a|an|the|its|their)?\s*"
    r"((?:(?:next|first|second|third|fourth|fifth|\w+-day|joint|national|regional|needs|assessment|"
    r"baseline|[A-Z]{2,8})\s+){0,4}(?:" + _NOUN + r"))\b", re.I)
#: "A follow-up workshop is planned for March 2018": another (later) activity, announced
_PLANNED = re.compile(
    r"\b((?:a|an|another|one\s+more|the\s+next)\s+(?:(?:follow-?up|second|third|further|new|next|similar|joint|national|"
    r"regional|refresher|tripartite|\w+-day)\s+){0,3}(?:" + _NOUN + r"))\b[^.;]{0,120}?\s(?:(?:is|are|will\s+be)\s+(?:also\s+)?"
    r"(?:planned|scheduled|foreseen|envisaged|expected|to\s+be\s+(?:held|organi[sz]ed|conducted)|"
    r"(?:to\s+be\s+)?held|organi[sz]ed|conducted)|will\s+(?:also\s+)?take\s+place)\b", re.I)
#: "During a consultation workshop held in Ulaanbaatar on ...": a past activity named in passing
_DURING_HELD = re.compile(r"\b(?:During|At)\s+(?:a|an|the)\s+((?:[\w\-]+\s+){0,3}?(?:" + _NOUN + r"))\s+"
                          r"(?:held|organi[sz]ed|conducted|hosted)\b")
#: "... trained 85 soum social workers in ...": a training reported by its verb
_TRAINED = re.compile(r"\b(?:trained|coached|retrained)\s+(?:about\s+|some\s+|over\s+|more\s+than\s+)?\d{1,5}\s+"
                      r"((?:[\w\-]+\s+){0,5}?[\w\-]+)(?=\s+(?:in|at|on|from|during|of|with|to)\b|[,.;]|$)")
#: "... is expected to start ... with a launch event in Ulaanbaatar": an announced activity
_WITH_NEXT = re.compile(r"\b(?:will|(?:is|are)\s+expected\s+to)\s+\w+[^.;]{0,80}?\bwith\s+(?:a|an)\s+"
                        r"((?:[\w\-]+\s+){0,2}?(?:" + _NOUN + r"))\b", re.I)
_HELD_IN = re.compile(r"\b((?:" + _NOUN + r")\b[^,.;\n]{0,80}?),[ \n]+held[ \n]+in[ \n]+", re.I)
_DURING = re.compile(r"^\s*(?:During|At|In\s+the\s+course\s+of)\s+the\s+(?:meeting|event|workshop|session|conference)\b", re.I)
_PLACE_AFTER = re.compile(r"[A-Z][\w\-]+(?:[ \n][A-Z][\w\-]+)?(?:,[ \n]+[A-Z][\w\-]+)?")
_NEXT = re.compile(r"\bnext\b", re.I)
_MAX_LEAD_WORDS = 6
_DATE_IN = re.compile(r"\b(?:19|20)\d\d\b|\d{1,2}[-–]\d{1,2}")


@dataclass(frozen=True)
class Embedded:
    """A sentence (or clause) that reports an activity of its own inside another item."""

    span: tuple[int, int]  # the sentence holding it
    evidence: tuple[int, int]  # the clause quoted as evidence
    title: str
    type: str
    status: str | None  # forced status ("planned" for next ..., "completed" for held in), else None
    undated: bool  # date unknown: the clause gives none of its own
    during_main: bool  # "During the meeting ...": its actors also took part in the main event
    own_organisers: bool  # its actors are its own (the page's project is not implied)


def find_embedded(text: str, sents: Sequence[tuple[int, int]], main: tuple[int, int],
                  main_type: str) -> list[Embedded]:
    """Activities other than the item's own in its sentences (the main sentence included only
    for '<noun>, held in <place>' clauses). Raises nothing."""
    out: list[Embedded] = []
    for s, e in sents:
        seg = text[s:e]
        h = _HELD_IN.search(seg)
        if h is not None:
            noun = " ".join(h.group(1).split())
            place = _PLACE_AFTER.match(seg, h.end())
            stop = s + (place.end() if place else h.end())
            out.append(Embedded((s, e), (s + h.start(1), stop), noun[0].upper() + noun[1:],
                                event_type(noun), "completed", True, False, True))
            continue
        if (s, e) == main:
            continue
        extra = _passing(seg, s, e, main_type)
        if extra is not None:
            out.append(extra)
            continue
        pl = _PLANNED.search(seg)
        if pl is not None and not re.search(r"\b(?:was|were|had)\b", seg[:pl.start()]):
            noun = " ".join(re.sub(r"^(?:the|a|an|another|one\s+more)\s+", "", pl.group(1), flags=re.I).split())
            tail = re.match(r"[^,.;]{0,60}", seg[pl.end(1):])
            title = " ".join(f"{noun}{tail.group(0) if tail else ''}".split())
            title = re.sub(r"\s+(?:is|are|will)\b.*$", "", title)
            kind = event_type(noun)
            if kind == "meeting" and main_type in ("working_group", "steering_committee"):
                kind = main_type  # "the next meeting" of a working group or committee
            out.append(Embedded((s, e), (s, e), title[0].upper() + title[1:], kind, "planned",
                                False, False, True))
            continue
        m = _ACT.search(seg)
        if m is None:
            other = _dated_other(text, s, e, main)
            if other is not None:
                out.append(other)
            continue
        kind = event_type(m.group(1))
        if kind == "other" and "ceremony" not in m.group(1).lower():
            continue
        nxt = bool(_NEXT.search(m.group(1)))
        if kind == main_type and not nxt:
            continue
        during = bool(_DURING.match(seg))
        lead = _DURING.sub("", seg[:m.start()]).strip(" ,")
        if len(lead.split()) > _MAX_LEAD_WORDS or _DATE_IN.search(lead):
            lead = ""  # a long lead is a clause (a dateline, a subject list), not part of the name
        tail = re.match(r"[^,.;]{0,60}", seg[m.end(1):])
        title = " ".join(f"{lead} {seg[m.start(1):m.end(1)]}{tail.group(0) if tail else ''}".split())
        title = title[0].upper() + title[1:] if title else title
        out.append(Embedded((s, e), (s, e), title, kind, "planned" if nxt else None, False, during,
                            not nxt))
    return out


#: "a review workshop with companies in Ulaanbaatar in September 2017": an activity introduced by an
#: indefinite article, in a sentence with a date of its own
_INDEFINITE = re.compile(r"\b(?:a|an)\s+((?:[\w\-]+\s+){0,3}?(?:" + _NOUN + r"))\b((?:[ \n]+(?:with|for|on|in|at|of)"
                         r"[ \n]+[^,.;]{1,60}?)?)(?=[ \n]+(?:in|on|from)[ \n]+(?:early[ \n]+|late[ \n]+|mid-?)?"
                         r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                         r"\d)|[,.;]|$)", re.I)
#: "X plans to publish the guide at the end of 2017": an announced publication
_TO_PUBLISH = re.compile(r"\b(?:plans?|intends?|is\s+going|are\s+going|will\s+be\s+able)\s+to\s+publish\s+"
                         r"((?:the|a|an|its|their)\s+[^,.;]{2,60}?)(?=\s+(?:in|at|by|on|before|after|later)\b|[,.;]|$)", re.I)


def _dated_other(text: str, s: int, e: int, main: tuple[int, int]) -> Embedded | None:
    """Another activity of the story with its own date: a dated sentence that introduces an
    activity with an indefinite article ("inputs from a review workshop in September 2017"),
    or announces a publication ("plans to publish the tool kit at the end of 2017"). Only when
    its date differs from the main sentence's: a restatement of the main activity is not another."""
    seg = text[s:e]
    here = {h.last or h.first for h in find_dates(text, s, e, None) if h.first} | \
        {h.first for h in find_dates(text, s, e, None) if h.first}
    if not here:
        return None
    pub = _TO_PUBLISH.search(seg)
    if pub is not None:
        obj = re.sub(r"^(?:the|a|an|its|their)\s+", "", " ".join(pub.group(1).split()), flags=re.I)
        return Embedded((s, e), (s, e), "Publication of the " + obj, "publication", "planned", False, False, True)
    main_dates = {h.first for h in find_dates(text, main[0], main[1], None) if h.first}
    if all(any(a.startswith(b) or b.startswith(a) for b in main_dates) for a in here):
        return None  # every date it gives is the main activity's: a restatement
    m = _INDEFINITE.search(seg)
    if m is None:
        return _done_passive(seg, s, e)
    if re.match(r"\s*(?:of|on|for)\b", seg[m.end(1):]) and event_type(m.group(1)) == "other":
        return None
    title = " ".join((m.group(1) + (m.group(2) or "")).split())
    return Embedded((s, e), (s, e), title[0].upper() + title[1:], event_type(m.group(1)), None, False, False, True)


#: "In 2020-2021, internship programs were implemented in 10 provinces": a dated activity told in
#: the passive, its subject naming what was done
_PASSIVE_DONE = re.compile(
    r"(?:^|,\s+|\bthe\s+)(?P<subj>(?:(?:[A-Za-z][\w\-’']*|\([A-Za-z]{2,10}\))\s+){0,6}?(?:programs?|programmes?|projects?|desks?|centres?|"
    r"centers?|offices?|trainings?|courses?|surveys?|studies|campaigns?|schemes?|services?|systems?|models?|"
    r"networks?|clubs?|groups?|facilities|facility|fund))\s+(?:\([^()]{1,20}\)\s+)?(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?P<verb>implemented|established|set\s+up|piloted|introduced|opened|launched|organi[sz]ed|"
    r"conducted|held|carried\s+out|rolled\s+out|developed)\b(?P<rest>[^,.;]{0,70})", re.I)


def _done_passive(seg: str, s: int, e: int) -> Embedded | None:
    m = _PASSIVE_DONE.search(seg)
    if m is None:
        return None
    subj = " ".join(m.group("subj").split())
    rest = " ".join(re.sub(r"\s+(?:from|since|in|during|starting)\s+(?:(?:19|20)\d\d|early|late|mid).*$", "",
                           m.group("rest")).split())
    title = f"{subj[0].upper()}{subj[1:]} {m.group('verb').lower()}" + (f" {rest}" if rest else "")
    kind = event_type(subj)
    return Embedded((s, e), (s, e), title, kind if kind != "publication" else "other", "completed", False, False, True)


def _passing(seg: str, s: int, e: int, main_type: str) -> Embedded | None:
    """An activity named in passing in a sentence of its own: "During a workshop held in X ...",
    "... trained 85 social workers ...", "... will start with a launch event ..."."""
    m = _DURING_HELD.search(seg)
    if m is not None:
        noun = " ".join(m.group(1).split())
        return Embedded((s, e), (s, e), noun[0].upper() + noun[1:], event_type(noun), "completed", False, False, True)
    m = _TRAINED.search(seg)
    if m is not None and main_type != "training":
        return Embedded((s, e), (s, e), "Training of " + " ".join(m.group(1).split()), "training", "completed",
                        False, False, True)
    m = _WITH_NEXT.search(seg)
    if m is not None:
        noun = " ".join(m.group(1).split())
        return Embedded((s, e), (s, e), noun[0].upper() + noun[1:], event_type(noun), "planned", False, False, True)
    return None
