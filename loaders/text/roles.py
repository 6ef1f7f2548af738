"""Who did what at an event: organisers, supporters and participants from the item's sentences.

Why cue phrases: "organized by A, B and C", "with assistance from X", "with participation of Y",
"X together with Y will organize" are how the genre states roles. Each actor takes the first role
its cue gives it; an actor with no cue in the item is a participant (bodies named in a meeting's
report attended it), except projects, which only take a role when a cue says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

from coopgraph.loaders.text.events_lexicon import ACTIVITY_WORDS, PROJECT_WORD
from coopgraph.loaders.text.events import Role
from coopgraph.loaders.text.found import Found, Mention

#: a cue's role, or what decides it: "with" (organiser or participant, by the verb) and
#: "support_to" (its object organised or took part, by "in organizing")
_CUES: tuple[tuple[str, Role | Literal["with", "support_to"]], ...] = (
    (r"with\s+(?:the\s+)?(?:technical\s+|financial\s+|kind\s+)?(?:assistance|support|input|funding|contributions?|help)\s+(?:from|of|by)", "supporters"),
    (r"technical\s+input\s+from|(?:funded|supported|sponsored|financed|facilitated)\s+by", "supporters"),
    (r"(?:co-?organi[sz]ed|hosted|organi[sz]ed|held|conducted|carried\s+out|led|run|launched|initiated)\s+(?:jointly\s+)?by|"
     r"mission\s+of|joint\s+efforts?\s+(?:of|by|between)", "organisers"),
    (r"in\s+(?:close\s+)?(?:cooperation|collaboration|co-operation)\s+with", "supporters"),
    (r"together\s+with|jointly\s+with|in\s+(?:close\s+)?partnership\s+with|"
     r"(?:co-?)?organi[sz]ed\s+with(?!\s+(?:the\s+)?(?:technical\s+|financial\s+|kind\s+)?(?:assistance|support|input|"
     r"funding|help|contributions?|participation)\b)", "with"),
    (r"participation\s+of|attended\s+by|invited|representatives?\s+(?:of|from)|delegation\s+of|participated\s+by|"
     r"(?:specialists|officers|staff|members|inspectors|officials|employees|teachers|workers)\s+(?:and\s+officers\s+)?of|"
     r"(?:trainers|experts|lecturers|speakers|resource\s+persons)\s+(?:from|of)", "participants"),
    (r"(?:provided|providing|provides|provide|gave|giving|committed(?:\s+a)?(?:\s+further)?)\s+(?:technical\s+|financial\s+)?(?:support|assistance)\s+to", "support_to"),
)
#: a cue starts a word (the look-behind also lets the engine skip mid-word positions cheaply)
_CUE_RE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CUES)) + ")", re.I)
_ORG_VERB = re.compile(r"\b(?:organi[sz]ed|organi[sz]es?|organi[sz]ing|hosted|hosting|is\s+hosting|held|conducted|delivered|paid|"
                       r"implemented|arranged|launched|signed|trained|opened|inaugurated|handed\s+over|will\s+(?:organi[sz]e|hold|conduct|host|sign|visit)|"
                       r"visited|is\s+visiting|are\s+visiting|paid\s+an?\s+(?:official\s+|working\s+|courtesy\s+)?visit|"
                       r"made\s+an?\s+(?:official\s+|working\s+)?visit|travell?ed\s+to|donated|delivered|distributed|"
                       r"(?:is|are)\s+planning|had\s+regularly\s+organi[sz]ed|tested|will\s+send|allocated|"
                       r"teamed\s+up|trial(?:l)?ed|convened|"
                       r"completed\s+(?:an?|the|its|their)\s+(?:[\w\-]+\s+){0,3}(?:survey|study|assessment|census|mapping|analysis|review))\b",
                       re.I)
_SIGNING = re.compile(r"signed|will\s+sign", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|be|been|being|is|are)\s+(?:\w+\s+)?$", re.I)
_SUPPORT_VERB = re.compile(r"\b(?:supported|supports|will\s+support|assist(?:ed|s)?)\b", re.I)
_PART_VERB = re.compile(r"\b(?:took\s+part|take\s+part|participated|attended|joined|will\s+participate|"
                        r"will\s+attend|will\s+par-?ticipate)\b", re.I)
_IN_ORGANISING = re.compile(r"\bin\s+organi[sz]ing\b", re.I)


def assign_roles(text: str, sents: Sequence[tuple[int, int]], found: Found, actors: set[str],
                 home: str | None) -> dict[str, Role]:
    """Role of each actor in the item's sentences: 'organisers', 'supporters' or 'participants'."""
    roles: dict[str, Role] = {}
    rank: dict[Role, int] = {"organisers": 0, "supporters": 1, "participants": 2}

    def give(eid: str, role: Role) -> None:
        if eid not in roles or rank[role] < rank[roles[eid]]:
            roles[eid] = role

    described: set[str] = set()
    in_description: set[str] = set()
    elsewhere: set[str] = set()
    for s, e in sents:
        ms = [m for m in _top_actor_mentions(found, s, e) if m.eid in actors]
        if ms and _describes_a_project(text, s, e):
            in_description.update(m.eid for m in ms)
            continue
        elsewhere.update(m.eid for m in ms)
        if not ms and not _ORG_VERB.search(text, s, e):
            continue
        spans = _appositives(text, s, e, found)
        if spans:
            described.update(m.eid for m in ms if any(a <= m.start < b for a, b in spans))
            ms = [m for m in ms if not any(a <= m.start < b for a, b in spans)]
        _sentence_roles(text, s, e, ms, found, give, home)
    described |= in_description - elsewhere  # a project's funders and partners, not the event's
    for eid in list(actors):
        if eid not in roles and eid not in described and found.table.by_id.get(eid) \
                and found.table.by_id[eid].type == "Organisation" \
                and not _WHOLE_GOVERNMENT.search(found.table.by_id[eid].name):
            roles[eid] = "participants"
    return roles


#: a country's whole government ("the Government of X", "the X Government"): named in a story it is
#: most often the context (its policies, its request, its engagement), so it takes a role only
#: where a cue gives it one, never the default participant role
_WHOLE_GOVERNMENT = re.compile(r"^(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?|"
                               r"[A-Z][\w\-]*\s+Government)$")
#: "Co-financed by A, the X project is implemented by B in collaboration with C": a sentence about
#: a project, who pays for it and who carries it out
_PROJECT_FACTS = re.compile(r"\b(?:(?:co-?)?(?:financed|funded)\s+by|is\s+(?:being\s+)?(?:implemented|executed)\s+by|"
                            r"(?:implementing|executing)\s+(?:agency|partners?)|aims\s+to|funding\s+from)\b", re.I)


def _describes_a_project(text: str, s: int, e: int) -> bool:
    """A sentence that tells who funds or carries out a project and names no activity: its
    bodies are the project's funders and partners (relations), not the event's participants."""
    return _PROJECT_FACTS.search(text, s, e) is not None and PROJECT_WORD.search(text, s, e) is not None \
        and ACTIVITY_WORDS.search(text, s, e) is None


def _sentence_roles(text: str, s: int, e: int, ms: list[Mention], found: Found, give: Callable[[str, Role], None],
                    home: str | None) -> None:
    cues = [(m.start(), m.end(), _CUES[int(next(k for k, v in m.groupdict().items() if v)[1:])][1])
            for m in _CUE_RE.finditer(text, s, e)]
    verb = _ORG_VERB.search(text, s, e)
    # "is organizing" is active (progressive); "was organized" is passive
    active = verb is not None and (verb.group(0).lower().endswith("ing") or not _PASSIVE.search(text, s, verb.start()))
    in_org = _IN_ORGANISING.search(text, s, e)
    subject_role: Role | None = None
    if active and verb is not None:
        # the parties to an agreement take part in its signing; who organised it is another cue
        subject_role = "participants" if _SIGNING.fullmatch(verb.group(0)) else "organisers"
    sup_verb = _SUPPORT_VERB.search(text, s, e)
    part_verb = _PART_VERB.search(text, s, e)
    if part_verb is not None and verb is not None and verb.start() > part_verb.start():
        verb, subject_role = None, None
    has_org_cue = any(r == "organisers" for _, _, r in cues)
    subject_seen = False
    for m in ms:
        cue = None
        for cs, ce, role in cues:
            if ce <= m.start and not _clause_closed(text, s, cs, ce, m.start, ms):
                cue = (cs, ce, role)
        if cue is None:
            if part_verb is not None and m.end <= part_verb.start():
                give(m.eid, "participants")
                subject_seen = True
            elif verb is not None and m.end <= verb.start() and subject_role:
                give(m.eid, subject_role)
                subject_seen = True
            elif sup_verb is not None and m.end <= sup_verb.start():
                give(m.eid, "supporters")
                subject_seen = True
            continue
        role = cue[2]
        if role == "support_to":
            give(m.eid, "organisers" if in_org and in_org.start() > m.end else "participants")
            continue
        if role == "with":
            if any(r == "organisers" and ce2 <= cue[0] for _, ce2, r in cues) \
                    or (verb is not None and not active and verb.group(0).lower().startswith("organi")):
                give(m.eid, "organisers")  # "the training will be organized together with X"
            elif m.eid is not None and verb is not None and m.start > verb.start() and subject_role is None:
                give(m.eid, "participants")
            else:
                give(m.eid, "organisers" if not (sup_verb and sup_verb.start() < cue[0]) else "supporters")
            continue
        give(m.eid, role)
    # the subject of "X provided support to Y in organizing ..." is a supporter
    for cs, _ce, role in cues:
        if role == "support_to":
            for m in ms:
                if m.end <= cs:
                    give(m.eid, "supporters")
        if role == "with" and not subject_seen and not has_org_cue and home and (verb or sup_verb):
            give(home, "supporters" if sup_verb and sup_verb.start() < cs else "organisers")


def _clause_closed(text: str, s: int, cs: int, ce: int, pos: int, ms: list[Mention]) -> bool:
    """'With financial support from A, the ILO delivered ...': a cue that opens the sentence governs
    its own clause only; the body after the comma is the sentence's subject."""
    if text[s:cs].strip():
        return False
    first = next((m for m in ms if m.start >= ce), None)
    if first is None or pos <= first.start:
        return False
    comma = text.find(",", first.end, pos)
    return comma >= 0 and not re.match(r",[ \n]*(?:and[ \n]+)?(?:the[ \n]+)?[A-Z][\w\-]*[ \n]*(?:,|and\b|\()",
                                       text[comma:pos + 1])


_APPOSITIVE = re.compile(r",[ \n]*(?:(?:which\s+is|is)\s+)?(?:jointly\s+)?(?:funded|financed|sponsored|supported|"
                         r"implemented|managed)\s+by\b[^,;]*?(?:,|(?=;)|$)", re.I)


_DESCRIBED = re.compile(r"\b(?:is|are|has\s+been|have\s+been|will\s+be)\s+(?:jointly\s+|co-?)?(?:funded|financed|sponsored|"
                        r"implemented|managed|executed)\s+by\b[^.;]*", re.I)


_FUNDER_VERB = re.compile(r"[ \n]*(?:\([^()\n]{1,12}\)[ \n]*)?(?:will[ \n]+(?:also[ \n]+)?)?"
                          r"(?:co-?financ\w*|co-?fund\w*|finances|funds)\b", re.I)


def _appositives(text: str, s: int, e: int, found: Found) -> list[tuple[int, int]]:
    """'The X Project (ACR), funded by A and implemented by B, ...' and 'The project is funded by
    A and implemented by B.': A and B describe the project (its funder and implementer, read as
    relations), they take no role in the reported event."""
    out: list[tuple[int, int]] = []
    for m in _APPOSITIVE.finditer(text, s, e):
        before = [x for x in found.between(max(s, m.start() - 80), m.start()) if x.kind == "Project"]
        if before and m.start() - before[-1].end <= 10:
            out.append((m.start(), m.end()))
    for x in found.between(s, e):
        f = _FUNDER_VERB.match(text, x.end, e) if x.kind == "Organisation" else None
        if f is not None:
            out.append((x.start, f.end()))  # "KOICA will co-finance a component": the project's funder
    for m in _DESCRIBED.finditer(text, s, e):
        before = [x for x in found.between(max(s, m.start() - 120), m.start()) if x.kind == "Project"]
        if before and (m.start() - before[-1].end <= 25 or "which" in text[before[-1].end:m.start()]):
            out.append((m.start(), m.end()))  # "the X project, which ... is implemented by Y"
    return out


def _top_actor_mentions(found: Found, s: int, e: int) -> list[Mention]:
    out: list[Mention] = []
    for m in found.between(s, e):
        if m.start < s or m.end > e or m.kind not in ("Organisation", "Project") or not m.role_ok:
            continue
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
