"""Relations that a body's own name states.

'Gobi-Altai Governor's Office' lies in Gobi-Altai; 'the Water Authority of X city' lies in X;
'UNDP Regional Bureau for Asia' and 'the Inner Mongolia branch of the Red Cross Society' are
parts of the body their name starts or ends with; 'the Advisory Committee of the X project' is
part of that project.

Why: names of local offices, branches, delegations and committees carry their place and their
parent, and a reader takes them as stated; the text rarely says them again in a sentence of its
own, so the sentence frames (relation_frames.py) never see them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coopgraph.loaders.text.entities import EntityDraft, EntityTable

Rel = tuple[str, str, str, tuple[int, int]]

#: how specific a place is: a body named after two places lies in the smaller one
_PLACE_GRAIN = {"soum": 0, "district": 0, "city": 1, "aimag": 2, "province": 2, "region": 3}

#: head nouns of a part of a larger body ('X Regional Bureau', 'the Y branch of Z')
_UNIT = re.compile(r"\b(?:department|division|unit|section|office|bureau|directorate|secretariat|branch|"
                   r"delegation|mission|committee|board|council|team|chapter|representation)\b", re.I)

#: the words before 'of (the)' that make the rest of the name the whole ('Project Board of the X')
_UNIT_OF = re.compile(r"^(?P<unit>.*?\b(?:department|division|unit|section|office|bureau|directorate|"
                      r"secretariat|branch|committee|board|council|chapter|team|delegation|mission))[ \n]+(?:of|for|under)"
                      r"[ \n]+(?:the[ \n]+)?(?P<whole>.+)$", re.I)

_PLACE_KIND_WORDS = frozenset({"capital", "city", "province", "aimag", "soum", "district", "region", "town"})
#: a country's or a union's post abroad, by its head noun ('Embassy of X', 'EU Delegation')
MISSION = re.compile(r"\b(?:Embassy|Consulate|Delegation|Permanent[ \n]+Mission|High[ \n]+Commission)\b")
_PROJECT_TAIL = re.compile(r"[ \n]+(?:project|programme|program)$", re.I)
#: where a delegation or office is posted: 'Delegation of the European Union to X'
_POSTED_TO = re.compile(r"[ \n]+(?:to|in)[ \n]+(?:the[ \n]+)?[A-Z][\w\-’' ]*$")
_POSTED_IN_NAME = re.compile(r"\b(?:Embassy|Consulate|Delegation|Mission|Office)\b.*[ ]in[ ](?:the[ ])?([A-Z][\w\-]+(?: [A-Z][\w\-]+)?)$")
_POSSESSIVE = re.compile(r"^[’']s?[ \n]+")
_WORD = re.compile(r"[^\s,;:()]+")
_MAX_WORDS = 5


def name_relations(t: EntityTable) -> list[Rel]:
    """locatedIn and partOf read from the names of the document's organisations."""
    out: list[Rel] = []
    for d in list(t.by_id.values()):
        if d.type != "Organisation" or not d.spans:
            continue
        place = place_in_name(d, t)
        if place is not None:
            out.append((d.id, "locatedIn", place.id, d.spans[0]))
        whole = whole_in_name(d, t)
        if whole is not None:
            out.append((d.id, "partOf", whole.id, d.spans[0]))
    return out


def place_in_name(d: EntityDraft, t: EntityTable) -> EntityDraft | None:
    """The most specific place below country level whose name is a run of words of the body's
    name ('Khuvsgul OSSC', 'Government of the Inner Mongolia Autonomous Region'). A country is
    never taken: 'Bank of Mongolia' names whose bank it is, not where a branch stands."""
    posted = _POSTED_IN_NAME.search(d.name)
    if posted is not None and (p := t.find("Place", posted.group(1))) is not None:
        return p  # "Embassy of Japan in Mongolia": a post stands where its name says, a country too
    best: EntityDraft | None = None
    for run in _runs(d.name):
        if all(w.lower() in _PLACE_KIND_WORDS for w in run.split()):
            continue  # 'Capital City Department': a kind of place alone names none
        p = t.find("Place", run)
        if p is None or p.id == d.id:
            continue
        grain = _PLACE_GRAIN.get(p.place_type or "")
        if grain is None:
            continue
        if best is None or grain < _PLACE_GRAIN[best.place_type or ""]:
            best = p
    return best


def whole_in_name(d: EntityDraft, t: EntityTable) -> EntityDraft | None:
    """The body or project a unit's name says it belongs to.

    Two shapes: the whole named first and a unit's head noun after it ('UNDP Regional Bureau for
    Asia', "ADB's project implementation unit", 'JICA Mongolia' — a body and a place is its
    office there), or a unit's head noun then 'of (the)' and the whole ('Project Board of the X
    project', 'Inner Mongolia branch of the Red Cross Society of China')."""
    if d.wikidata:
        return None  # a body of the reference data is a body of its own ('UN Population Fund')
    name = " ".join(d.name.split())
    m = _UNIT_OF.match(name)
    if m is not None:
        tail = m.group("whole")
        for cand in (tail, _PROJECT_TAIL.sub("", tail), _POSTED_TO.sub("", tail)):
            w = _actor(t, cand, d)
            if w is not None:
                return w
    words = name.split(" ")
    for n in range(min(len(words) - 1, _MAX_WORDS), 0, -1):
        head = " ".join(words[:n])
        rest = " ".join(words[n:])
        owner_s = _POSSESSIVE.match(rest)
        if head.endswith(("’s", "'s")):
            head, rest = head[:-2], rest
        elif owner_s is not None:
            rest = rest[owner_s.end():]
        w = _actor(t, head, d)
        if w is None:
            continue
        if _UNIT.search(rest) or _only_place(rest, t):
            return w
        return None
    return None


def _actor(t: EntityTable, name: str, d: EntityDraft) -> EntityDraft | None:
    w = t.find("Organisation", name) or t.find("Project", name)
    if w is None or w.id == d.id or w.type not in ("Organisation", "Project"):
        return None
    return w


def _only_place(rest: str, t: EntityTable) -> bool:
    """'JICA Mongolia', 'UNFPA Mongolia Country Office': what follows the body is a place."""
    p = t.find("Place", rest)
    return p is not None


def _runs(name: str) -> Iterator[str]:
    """Runs of up to five consecutive words of a name, longest first."""
    words = [m.group(0) for m in _WORD.finditer(name)]
    for n in range(min(len(words), _MAX_WORDS), 0, -1):
        for i in range(len(words) - n + 1):
            yield " ".join(words[i:i + n])
