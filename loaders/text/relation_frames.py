"""Relations read from the frames English uses to state them, one rule per frame.

Why a module of its own: these frames are about the language of cooperation news, not about any
body or page: "A and B jointly organised", "A, in partnership with B and C,", "A will continue to
partner with B" (cooperation); "A is supporting (the efforts of) B" (support); "X project ...
implemented in Mongolia by A and by B with support from C" (implementation, funding); "A's new X
Project", "the A-led X programme" (who runs a project named in passing); "X is part of Y", "Head
of the X Division, Y Department" (structure); "the NGO X, Selenge aimag", "X, Ulaanbaatar"
(location). Each rule takes the sentence and the actor mentions in it (text order, no overlaps)
and returns (subject, predicate, object, evidence span) tuples; the caller resolves and dedupes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from coopgraph.loaders.text.entities import EntityTable
from coopgraph.loaders.text.found import Mention
from coopgraph.loaders.text.lists import list_before, listed_after
import itertools

Rel = tuple[str, str, str, tuple[int, int]]
Frame = Callable[[str, int, int, list[Mention], EntityTable], list[Rel]]

#: "jointly organised", "Together, A and B developed" state cooperation; "co-organised by A, B and
#: C" only lists organisers (their shared event says they cooperated, no relation of its own)
_JOINTLY = re.compile(r"\b(?:jointly|together)[ \n]+(?:organi[sz]ed|held|conducted|hosted|implemented|"
                      r"developed|launched|organi[sz]ing|run|undertaken|undertook|carried[ \n]+out|prepared|produced|"
                      r"funded|financed|established|designed)\b|\btogether,", re.I)
#: "in (close) partnership with", ", together with", "partnered with", "works closely with": one cue a line
_PARTNER = re.compile(r"\b(?:" + "|".join((
    r"in[ \n]+(?:close[ \n]+)?(?:partnership|collaboration|cooperation|co-operation)[ \n]+with",
    r"(?<=,[ \n])(?:together|jointly)[ \n]+with",
    r"partner(?:s|ed|ing)?[ \n]+with",
    r"(?:work(?:s|ed|ing)?|collaborat(?:e|es|ed|ing)|cooperat(?:e|es|ed|ing))[ \n]+(?:closely[ \n]+|together[ \n]+)?with",
)) + r")\b", re.I)
_SUPPORTING_AFTER = re.compile(r"(?:[ \n]*\([^()\n]{1,15}\))?[ \n]+(?:(?:is|are|was|were|has[ \n]+been|have[ \n]+been)[ \n]+)"
                               r"(?:also[ \n]+|actively[ \n]+|currently[ \n]+)?supporting[ \n]+(?:the[ \n]+(?:efforts?|work)[ \n]+of[ \n]+)?"
                               r"(?:(?:the|a|an|two|three|four|five|several)[ \n]+)?(?:[a-z][\w\-]*[ \n]+){0,3}?(?:[A-Z][\w\-]*[ \n]+){0,2}?"
                               r"(?:,[ \n]*)?", re.I)
_IMPLEMENTED = re.compile(r"\b(?:implemented|executed|carried[ \n]+out|run|managed)\b", re.I)
_BY = re.compile(r"(?:^|[ \n])by[ \n]+(?:the[ \n]+)?$")
_WITH_FUNDS = re.compile(r"\b(?:with|through)[ \n]+(?:the[ \n]+)?(?:financial[ \n]+|generous[ \n]+)?"
                         r"(?:support|funding|financing|grants?|funds)[ \n]+(?:from|of|by)[ \n]+(?:the[ \n]+)?$", re.I)
_PART_OF = re.compile(r"[ \n]+(?:is|are|was|as)[ \n]+(?:an?[ \n]+|the[ \n]+)?(?:part|member|agency|organ)[ \n]+of[ \n]+"
                      r"(?:the[ \n]+)?$")
_POSSESSIVE = re.compile(r"[’']s?[ \n]+(?:new[ \n]+|former[ \n]+|own[ \n]+)?$")
_LED = re.compile(r"-(?:led|managed|implemented|run)[ \n]+(?:the[ \n]+)?(?:[A-Z][\w\-]*[ \n]+){0,1}$")
_COMMA = re.compile(r"\)?,[ \n]*(?:the[ \n]+)?$")
#: the grain of a body's units, small to large: a unit of one grain sits inside one of a larger
_GRAIN = (("section", 1), ("unit", 1), ("division", 2), ("department", 3), ("directorate", 3),
          ("office", 4), ("agency", 4), ("centre", 4), ("center", 4), ("ministry", 5))
_MAX_FRAME_GAP = 120


def _grain(name: str) -> int | None:
    low = name.lower()
    best = None
    for word, g in _GRAIN:
        if re.search(rf"\b{word}\b", low):
            best = g if best is None else max(best, g)
    return best


def _kind(t: EntityTable, m: Mention) -> str | None:
    d = t.by_id.get(m.eid)
    return d.type if d is not None else None


def _category(t: EntityTable, m: Mention) -> str | None:
    d = t.by_id.get(m.eid)
    return d.category if d is not None else None


def joint_action(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'A and B (have) jointly organised X', 'jointly organised by A and B', 'Together, A and B
    developed': the first-named body cooperates with each of the others."""
    out: list[Rel] = []
    for j in _JOINTLY.finditer(text, s, e):
        group: list[Mention] = []
        if j.group(0).lower().startswith("together,"):
            group = listed_after(text, ms, j.end(), e)
        else:
            # the list that ends right before the verb: 'A, B and C (ACR) have'
            group = list_before(text, ms, j.start(), _MAX_FRAME_GAP)
        if group and not j.group(0).lower().startswith("together,"):
            tail = text[group[-1].end:j.start()]
            if not re.fullmatch(r"\)?(?:[ \n]*\([^()\n]{1,15}\))?[ \n]*(?:(?:have|has|had|were|was|will|are|is)[ \n]+)?"
                                r"(?:also[ \n]+)?(?:been[ \n]+)?", tail):
                group = []
        if len(group) < 2:
            by = re.match(r"[ \n]+by[ \n]+(?:the[ \n]+)?", text[j.end():e])
            if by:
                group = listed_after(text, ms, j.end() + by.end(), e)
        ids = list(dict.fromkeys(m.eid for m in group if _kind(t, m) in ("Organisation", "Project")))
        out += [(ids[0], "cooperatesWith", o, (group[0].start, group[-1].end)) for o in ids[1:]]
    return out


def partnership(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'A, in partnership with B and C, is organising', 'the project will continue to partner with
    B': the nearest body before the cue cooperates with each body listed after it. 'In
    partnership with B, A has ...': the cue opens the sentence, and its subject follows."""
    out: list[Rel] = []
    for p in _PARTNER.finditer(text, s, e):
        before = [m for m in ms if m.end <= p.start()]
        after = listed_after(text, ms, p.end(), e)
        if not after:
            continue
        if before:
            subj = before[-1]
        else:
            if text[s:p.start()].strip():
                continue
            # "In partnership with B and C, A has ...": the clause ends at the first comma not
            # followed by 'and'; its subject is the next body
            cut = next((k for k in range(1, len(after))
                        if re.match(r"[^,]*,[ \n]*(?!and\b)", text[after[k - 1].end:after[k].start])), None)
            if cut is not None:
                after, subj = after[:cut], after[cut]
            else:
                comma = text.find(",", after[-1].end, e)
                rest = [m for m in ms if comma >= 0 and m.start > comma and m.start - comma < 40]
                if not rest:
                    continue
                subj = rest[0]
        out += [(subj.eid, "cooperatesWith", o.eid, (min(subj.start, o.start), max(subj.end, o.end)))
                for o in after if o.eid != subj.eid]
    return out


_COMPRISES = re.compile(r"[ \n]+(?:comprises|comprised[ \n]+of|consists[ \n]+of|is[ \n]+composed[ \n]+of|"
                        r"is[ \n]+made[ \n]+up[ \n]+of|includes|brings[ \n]+together)[ \n]+(?:the[ \n]+)?(?:representatives[ \n]+of[ \n]+)?")
_BODY_OF_MEMBERS = re.compile(r"\b(?:committee|board|council|network|alliance|consortium|coalition|platform|"
                              r"association|federation|group|forum|team)\b", re.I)


def membership(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'The project board comprises A, B and C': each is a member of the board."""
    def a_body_of_members(a: Mention) -> bool:
        return _kind(t, a) == "Organisation" and _BODY_OF_MEMBERS.search(t.by_id[a.eid].name) is not None

    return [(b.eid, "memberOf", a.eid, (a.start, b.end)) for a, b in _cue_then_list(text, ms, e, _COMPRISES, a_body_of_members)]


def _cue_then_list(text: str, ms: list[Mention], e: int, cue: re.Pattern[str],
                   accept: Callable[[Mention], bool] = lambda _m: True) -> list[tuple[Mention, Mention]]:
    """(A, B) for each body B listed after a cue right after body A ('A comprises B, C and D',
    'A is supporting B and C'), for the A that ``accept`` takes."""
    out: list[tuple[Mention, Mention]] = []
    for k, a in enumerate(ms):
        c = cue.match(text, a.end, e)
        if c is None or not accept(a):
            continue
        out += [(a, b) for b in listed_after(text, ms[k + 1:], c.end(), e) if b.eid != a.eid]
    return out


#: "A supports B", "A has supported B", "A will also support B", "A provides a grant to B": the
#: simple forms of support (not "A was supported by B": there A is the one supported)
_SUPPORTS_AFTER = re.compile(
    r"(?:[ \n]*\([^()\n]{1,15}\))?[ \n]+(?:(?:also|actively|further|continues[ \n]+to|continued[ \n]+to)[ \n]+)?"
    r"(?:supports|supported(?![ \n]+by\b)|will[ \n]+(?:also[ \n]+)?support|ha(?:s|ve)[ \n]+(?:also[ \n]+)?supported|"
    r"(?:(?:has|have|had|will)[ \n]+(?:also[ \n]+)?)?(?:provides?|provided|awards?|awarded|grants|granted)[ \n]+"
    r"(?:an?[ \n]+)?(?:[\w\-]+[ \n]+){0,2}?"
    r"(?:grants?|funding|financing)[ \n]+to)[ \n]+(?:the[ \n]+)?", re.I)


def supporting(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'A is (also) supporting (the efforts of) B, C and D', 'A supports B', 'A provides a grant
    to B': A supports each of them."""
    starts = {m.start for m in ms}
    direct = [(a, b) for a, b in _cue_then_list(text, ms, e, _SUPPORTS_AFTER)
              if (c := _SUPPORTS_AFTER.match(text, a.end, e)) is not None and c.end() in starts]
    pairs = _cue_then_list(text, ms, e, _SUPPORTING_AFTER) + direct  # "supports young people through X": not X
    return [(a.eid, "supports", b.eid, (a.start, b.end)) for a, b in pairs]


def project_agents(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'The X project was successfully implemented in Mongolia by A and by B with support from C':
    A and B implement the project, C funds it. The project is the sentence's first project."""
    projects = [m for m in ms if _kind(t, m) == "Project"]
    if not projects:
        return []
    proj = projects[0]
    out: list[Rel] = []
    impl = _IMPLEMENTED.search(text, proj.end, e)
    if impl is not None and impl.start() - proj.end < 60:
        for m in ms:
            if m.start < impl.end() or m.start - impl.end() > _MAX_FRAME_GAP or _kind(t, m) != "Organisation":
                continue
            if _BY.search(text, max(impl.end(), m.start - 12), m.start) or \
                    (_BY.search(text, impl.end(), m.start) and "," not in text[impl.end():m.start]):
                out.append((proj.eid, "implementedBy", m.eid, (proj.start, m.end)))
    for m in ms:
        if m.start > proj.end and _kind(t, m) == "Organisation" and _WITH_FUNDS.search(text, max(proj.end, m.start - 45), m.start):
            out.append((proj.eid, "fundedBy", m.eid, (proj.start, m.end)))
    # "Co-financed by A, with additional support from B and C, the X project ...": every body
    # listed after a funding cue funds the sentence's project, before or after it
    for cue in _FUNDED_BY.finditer(text, s, e):
        for m in listed_after(text, [x for x in ms if _kind(t, x) == "Organisation"], cue.end(), e):
            out.append((proj.eid, "fundedBy", m.eid, (min(proj.start, cue.start()), max(proj.end, m.end))))
    return out


#: the cues of funding: "(co-)financed by", "funded by", "with (additional) (financial) support from"
_FUNDED_BY = re.compile(r"\b(?:(?:co-?)?(?:financed|funded|sponsored)[ \n]+by|(?:with|through)[ \n]+(?:the[ \n]+)?"
                        r"(?:additional[ \n]+|further[ \n]+)?(?:financial[ \n]+|generous[ \n]+)?(?:support|funding|financing|grants?|funds)"
                        r"[ \n]+(?:from|of|by))[ \n]+(?:the[ \n]+)?", re.I)


def project_owner(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """"A's new X Project": a donor funds it, anyone else implements it; "the A-led X" is
    implemented by A."""
    out: list[Rel] = []
    for a, b in itertools.pairwise(ms):
        if _kind(t, a) != "Organisation" or _kind(t, b) != "Project" or b.start - a.end > 40:
            continue
        gap = text[a.end:b.start]
        if _LED.fullmatch(gap) or (_LED.match(gap) and _LED.match(gap).end() == len(gap)):  # type: ignore[union-attr]
            out.append((b.eid, "implementedBy", a.eid, (a.start, b.end)))
        elif _POSSESSIVE.fullmatch(gap):
            pred = "fundedBy" if _category(t, a) == "donor" else "implementedBy"
            out.append((b.eid, pred, a.eid, (a.start, b.end)))
        elif gap.strip() == "" and re.fullmatch(r"[ \n]+", gap) and _category(t, a) in ("international", "donor"):
            # "the ILO Bridge project": an agency's name before a project's
            pred = "fundedBy" if _category(t, a) == "donor" else "implementedBy"
            out.append((b.eid, pred, a.eid, (a.start, b.end)))
    return out


def structure(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'A is part of (the) B', 'A, a member of B' (partOf, memberOf); 'Head of the X Division, Y
    Department': a unit named next to a unit of larger grain is part of it."""
    out: list[Rel] = []
    for a, b in itertools.pairwise(ms):
        if a.eid == b.eid or _kind(t, a) != "Organisation" or _kind(t, b) != "Organisation":
            continue
        gap = text[a.end:b.start]
        pm = _PART_OF.fullmatch(gap) or re.fullmatch(r"(?:[ \n]*\([^()\n]{1,15}\))?" + _PART_OF.pattern, gap)
        if pm is not None:
            pred = "memberOf" if "member" in gap else "partOf"
            out.append((a.eid, pred, b.eid, (a.start, b.end)))
            continue
        if _COMMA.fullmatch(gap):
            ga, gb = _grain(t.by_id[a.eid].name), _grain(t.by_id[b.eid].name)
            if ga is not None and gb is not None and ga < gb and ga <= 3:
                out.append((a.eid, "partOf", b.eid, (a.start, b.end)))
    return out


#: the head nouns of a unit inside a larger body
_UNIT_HEAD = re.compile(r"\b(?:department|division|unit|section|office|bureau|directorate|cent(?:er|re)|committee|"
                        r"secretariat|institute|faculty|school|branch|team|board)\b", re.I)
_UNIT_OF = re.compile(r"[ \n]+(?:of|at|under|within)[ \n]+(?:the[ \n]+)?[‘“\"']?$")
_OWNER_S = re.compile(r"[’']s?[ \n]+$")


def unit_of(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'the Engineering Division of X', 'the Department of Compact Operations at X', 'the
    Advisory Committee of the Y project', "X's Engineering Division": a named unit is part of
    the body (or project) named with it."""
    out: list[Rel] = []
    for a, b in itertools.pairwise(ms):
        if a.eid == b.eid or _kind(t, a) not in ("Organisation", "Project") or _kind(t, b) not in ("Organisation", "Project"):
            continue
        gap = text[a.end:b.start]
        if _UNIT_OF.fullmatch(gap) and _kind(t, a) == "Organisation" and _UNIT_HEAD.search(t.by_id[a.eid].name) \
                and not _UNIT_HEAD.search(t.by_id[b.eid].name.split()[-1]):
            out.append((a.eid, "partOf", b.eid, (a.start, b.end)))
        elif _OWNER_S.fullmatch(gap) and _kind(t, b) == "Organisation" and _UNIT_HEAD.search(t.by_id[b.eid].name) \
                and _kind(t, a) == "Organisation":
            out.append((b.eid, "partOf", a.eid, (a.start, b.end)))
    return out


_SIGNED = re.compile(r"\b(?:signed|sign|signs|will[ \n]+sign|have[ \n]+signed|has[ \n]+signed)\b", re.I)
_SIGNED_TAIL = re.compile(r"\)?(?:[ \n]*\([^()\n]{1,15}\))?[ \n]*(?:(?:have|has|had|will|today|also|officially|formally)[ \n]+)*$")
_AGREEMENT_BETWEEN = re.compile(r"\b(?:agreement|memorandum|MoU|compact|protocol|contract)[^.;]{0,60}?\bbetween[ \n]+(?:the[ \n]+)?",
                                re.I)


def signatories(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'A and B signed a memorandum', 'A signed an agreement with B', 'a memorandum between A and
    B': the parties to an agreement cooperate (the first-named with each of the others)."""
    out: list[Rel] = []
    actors = [m for m in ms if _kind(t, m) in ("Organisation", "Project")]
    for v in _SIGNED.finditer(text, s, e):
        group = list_before(text, actors, v.start(), _MAX_FRAME_GAP)
        if group and not _SIGNED_TAIL.fullmatch(text[group[-1].end:v.start()]):
            group = []
        if group and len({m.eid for m in group}) == 1:
            # "the X project of A (ACR) signed": the project, not its owner, is the party
            owner = [m for m in actors if m.end < group[0].start and _kind(t, m) == "Project"
                     and re.fullmatch(r"[ \n]+(?:(?:project|programme|program)[ \n]+)?of[ \n]+(?:the[ \n]+)?",
                                      text[m.end:group[0].start], re.I)]
            group = owner[-1:] or group
        w = re.search(r"\bwith[ \n]+(?:the[ \n]+)?", text[v.end():e])
        if group and w is not None:
            group += listed_after(text, actors, v.end() + w.end(), e)
        ids = list(dict.fromkeys(m.eid for m in group))
        out += [(ids[0], "cooperatesWith", o, (group[0].start, group[-1].end)) for o in ids[1:]]
    for a in _AGREEMENT_BETWEEN.finditer(text, s, e):
        group = listed_after(text, actors, a.end(), e)
        ids = list(dict.fromkeys(m.eid for m in group))
        out += [(ids[0], "cooperatesWith", o, (a.start(), group[-1].end)) for o in ids[1:]]
    return out


_WITH_SUPPORT_OF = re.compile(r"\b[Ww]ith[ \n]+(?:the[ \n]+)?(?:(?:financial|technical|generous|kind)[ \n]+)?"
                              r"(?:support|assistance|help)[ \n]+(?:of|from)[ \n]+(?:the[ \n]+)?")
_TO_SUPPORT = re.compile(r"\bto[ \n]+(?:help[ \n]+|assist[ \n]+|support[ \n]+)(?:the[ \n]+)?(?=[A-Z])")


def supported_by(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'With the support of A, B has been implementing ...': A supports B (the subject after the
    phrase); 'a programme by A to support B': A supports B."""
    out: list[Rel] = []
    actors = [m for m in ms if _kind(t, m) == "Organisation"]
    for w in _WITH_SUPPORT_OF.finditer(text, s, e):
        helpers = listed_after(text, actors, w.end(), e)
        if not helpers:
            continue
        # "of A, B and C, D has": the list closes at the item after "and"; without one, at A
        closing = [k for k in range(1, len(helpers))
                   if re.search(r"\b(?:and|&)\b", text[helpers[k - 1].end:helpers[k].start])]
        helpers = helpers[:closing[0] + 1] if closing else helpers[:1]
        comma = re.match(r"\)?(?:[ \n]*\([^()\n]{1,15}\))?[ \n]*,[ \n]*(?:the[ \n]+)?", text[helpers[-1].end:e])
        if comma is None:
            continue
        nxt = [m for m in actors if m.start == helpers[-1].end + comma.end()]
        for h in helpers:
            for b in nxt:
                if b.eid != h.eid:
                    out.append((h.eid, "supports", b.eid, (w.start(), b.end)))
    for sp in _TO_SUPPORT.finditer(text, s, e):
        helper = [m for m in actors if m.end <= sp.start() and sp.start() - m.end <= 40
                  and not re.search(r"[,;]", text[m.end:sp.start()])]
        helped = [m for m in actors if m.start == sp.end()]
        if helper and helped and helper[-1].eid != helped[0].eid:
            out.append((helper[-1].eid, "supports", helped[0].eid, (helper[-1].start, helped[0].end)))
    return out


_IMPLEMENTS = re.compile(r"[ \n]+(?:(?:is|are|has[ \n]+been|have[ \n]+been|will[ \n]+be|will)[ \n]+)?(?:also[ \n]+|currently[ \n]+|jointly[ \n]+)?"
                         r"(?:implement(?:s|ing|ed)?|execut(?:es|ing|ed)|runs|running)[ \n]+(?:the[ \n]+|a[ \n]+|its[ \n]+)?")
_IMPLEMENTING_ROLE = re.compile(r"\b(?:implementing|executing)[ \n]+(?:agency|agencies|partners?|organi[sz]ations?|entity)"
                                r"(?:[ \n]+(?:is|are|was|were))?[ \n]*(?::|,)?[ \n]*(?:the[ \n]+)?", re.I)
_AS_IMPLEMENTER = re.compile(r"[ \n]+as[ \n]+(?:the[ \n]+|an[ \n]+)?(?:implementing|executing)[ \n]+(?:agency|partner|organi[sz]ation|entity)\b",
                             re.I)


def implementers(text: str, s: int, e: int, ms: list[Mention], t: EntityTable) -> list[Rel]:
    """'A is implementing the X project', 'The implementing agency is A', 'with A as the
    implementing agency': the project is implemented by A (the project after the verb, or the
    sentence's first project)."""
    out: list[Rel] = []
    projects = [m for m in ms if _kind(t, m) == "Project"]
    orgs = [m for m in ms if _kind(t, m) == "Organisation"]
    if not projects:
        return out
    for a in orgs:
        v = _IMPLEMENTS.match(text, a.end, e)
        if v is not None:
            proj = [p for p in projects if 0 <= p.start - v.end() <= 40]
            if proj:
                out.append((proj[0].eid, "implementedBy", a.eid, (a.start, proj[0].end)))
        if _AS_IMPLEMENTER.match(text, a.end, e):
            out.append((projects[0].eid, "implementedBy", a.eid, (min(a.start, projects[0].start), a.end)))
    for r in _IMPLEMENTING_ROLE.finditer(text, s, e):
        for a in listed_after(text, orgs, r.end(), e):
            out.append((projects[0].eid, "implementedBy", a.eid, (min(r.start(), projects[0].start), a.end)))
    return out


FRAMES: tuple[Frame, ...] = (joint_action, partnership, supporting, project_agents, project_owner, structure,
                             membership, signatories, supported_by, implementers, unit_of)


def frame_relations(text: str, sents: Sequence[tuple[int, int]], mentions_in: Callable[[int, int], list[Mention]],
                    t: EntityTable) -> list[Rel]:
    """Every frame over every sentence."""
    out: list[Rel] = []
    earlier: list[Mention] = []  # the projects of the last sentences, for "all (three) projects"
    for s, e in sents:
        ms = mentions_in(s, e)
        out += _every_project(text, s, e, ms, earlier, t)
        earlier = (earlier + [m for m in ms if _kind(t, m) == "Project"])[-8:]
        if len(ms) < 2:
            continue
        for frame in FRAMES:
            out += frame(text, s, e, ms, t)
    return out


#: "All projects are financed by A and implemented by B and C", "Both projects are funded by A"
_EVERY_PROJECT = re.compile(r"\b(?:[Aa]ll|[Bb]oth|[Tt]he|[Tt]hese)[ \n]+(?:(?:two|three|four|five|six|of[ \n]+the)[ \n]+)?"
                            r"(?:projects|programmes|programs)[ \n]+(?:are|were|will[ \n]+be|have[ \n]+been)[ \n]+")
_AGENT_VERB = re.compile(r"\b(?:(?:co-?)?(?:financed|funded)|implemented|executed)[ \n]+by[ \n]+(?:the[ \n]+)?")


def _every_project(text: str, s: int, e: int, ms: list[Mention], earlier: list[Mention], t: EntityTable) -> list[Rel]:
    """'Three projects are titled "A", "B" and "C". All projects are financed by X and implemented
    by Y and Z': a sentence about all the projects just named gives each of them the relation."""
    m = _EVERY_PROJECT.search(text, s, e)
    projects = list(dict.fromkeys(p.eid for p in earlier + [x for x in ms if _kind(t, x) == "Project" and x.end <= (m.start() if m else s)]))
    if m is None or len(projects) < 2:
        return []
    orgs = [x for x in ms if _kind(t, x) == "Organisation"]
    out: list[Rel] = []
    for v in _AGENT_VERB.finditer(text, m.end(), e):
        pred = "implementedBy" if v.group(0).startswith(("implemented", "executed")) else "fundedBy"
        for a in listed_after(text, orgs, v.end(), e):
            out += [(p, pred, a.eid, (m.start(), a.end)) for p in projects]
    return out


def located_after_comma(text: str, mentions: Sequence[Mention], t: EntityTable) -> list[Rel]:
    """'the NGO X, Selenge aimag', 'the X Federation, Ulaanbaatar': a body followed by a comma and
    a city, aimag or soum is located there (not a country: 'ILO, Mongolia' names an office's
    country in lists of bodies and places alike)."""
    out: list[Rel] = []
    for a, b in itertools.pairwise(mentions):
        if _kind(t, a) != "Organisation" or _kind(t, b) != "Place":
            continue
        pt = t.by_id[b.eid].place_type
        if pt not in ("city", "aimag", "soum"):
            continue
        if re.fullmatch(r"[’']?\)?,[ \n]*", text[a.end:b.start]) and not re.match(r"[ \n]*(?:and[ \n]|,[ \n]*(?:and[ \n]+)?[A-Z])", text[b.end:b.end + 12]):
            out.append((a.eid, "locatedIn", b.eid, (a.start, b.end)))
    return out
