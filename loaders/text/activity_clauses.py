"""Activities a story reports in its other sentences, read from the dependency parse.

A news story about one activity nearly always names others on the way: "During the visit, they
co-organised a consultation meeting with ...", "In 2021 the project completed baseline studies",
"In late April, the ministry received masks and test kits from ...", "The new project will enable
us to train school teachers". An analyst counts each as an event of its own. Surface patterns
catch some of these (loaders/text/embedded.py, loaders/text/announced.py); this layer reads the
clause instead: an activity noun that is the object of a verb of doing (organise, conduct, hold,
complete, carry out...), the subject of a passive one ("a workshop was held"), or a verb that is
itself the activity (train, hand over, donate, receive supplies, sign an agreement). The tense and
modality of the governing verbs give the status; a present-tense statement ("UNICEF organises
trainings") is a habit, not an event, and a negated one is no event.

Why the parse: which noun a verb governs, and whether "will" reaches it through "enable us to",
are questions of structure that word distance answers wrongly as soon as a sentence grows a list
or an apposition. The rules stay plain functions of :class:`~coopgraph.loaders.text.statistical.
ParsedSentence`, so they are tested on invented sentences; without the model this layer adds
nothing and the surface rules stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from coopgraph.loaders.text.events import event_type
from coopgraph.loaders.text.statistical import ParsedSentence, ParsedToken

Status = Literal["completed", "planned"]

#: nouns that name an activity (lemmas); "event" and "activity" say nothing of what was done
ACTIVITY_NOUNS = frozenset({
    "training", "workshop", "seminar", "webinar", "meeting", "consultation", "conference", "forum",
    "course", "survey", "study", "handover", "ceremony", "mission", "exhibition", "fair",
    "dialogue", "roundtable", "tour", "visit", "campaign", "festival", "competition", "launch",
})
#: the type of a noun the event-type lexicon leaves as "other"
_NOUN_TYPES = {"study": "survey", "assessment": "survey", "mission": "field_visit", "tour": "field_visit",
               "visit": "field_visit", "consultation": "meeting", "dialogue": "forum"}
#: verbs whose object (or passive subject) is an activity that took place: "conducted trainings"
DOING_VERBS = frozenset({
    "organize", "organise", "co-organize", "co-organise", "conduct", "hold", "host", "co-host",
    "convene", "complete", "carry", "deliver", "provide", "run", "arrange", "undertake", "finish",
    "finalize", "finalise", "launch", "attend", "stage", "facilitate", "offer", "start", "begin",
})
#: verbs that are the activity themselves, with the type they name and the noun of their title
SELF_VERBS: dict[str, tuple[str, str]] = {
    "train": ("training", "Training of"),
    "retrain": ("training", "Training of"),
    "donate": ("other", "Donation of"),
    "distribute": ("other", "Distribution of"),
}
#: things handed over, delivered or received: what makes "received X" an activity
SUPPLY_NOUNS = frozenset({
    "supply", "equipment", "mask", "kit", "vehicle", "ambulance", "aid", "donation", "computer",
    "furniture", "material", "medicine", "suit", "ventilator", "tool", "device", "seed", "fodder",
    "textbook", "book", "tent", "ger", "machine", "grant", "food", "assistance",
})
TRANSFER_VERBS = frozenset({"receive", "deliver", "hand", "donate", "distribute", "provide", "send", "ship"})
#: verbs of signing and what is signed
SIGNED_NOUNS = frozenset({"agreement", "memorandum", "mou", "contract", "loan", "grant", "protocol", "charter"})
#: a determiner or adjective that makes a noun a new activity even when it is of the main's type
_ANOTHER = frozenset({"another", "additional", "further", "follow", "next", "similar", "subsequent"})
_BACK = frozenset({"this", "that", "these", "those", "the", "such"})
_FUTURE_WORDS = re.compile(r"\b(?:later\s+(?:in|this)\s+the\s+year|later\s+this\s+(?:year|month)|next\s+(?:week|month|year)|"
                           r"upcoming|is\s+planned|are\s+planned|planned\s+for|scheduled)\b", re.I)
_MAX_HOPS = 4
_TITLE_MAX = 120


@dataclass(frozen=True)
class ActivityClause:
    """An activity named by a clause of a sentence: its type, a title made of the clause's own
    words, its status and whether it is told as part of the story's main activity."""

    span: tuple[int, int]  # the sentence
    title: str
    type: str
    status: Status
    during_main: bool  # "During the visit, they organised ...": it shares the main activity's date
    #: where the bodies that did it are named: the verb's subject (or "by X" of a passive) and
    #: "together/jointly with X" (document offsets); empty when the clause names none
    doers: tuple[tuple[int, int], ...] = ()
    #: where the bodies it was done with or for are named: "with X", "to X" (document offsets)
    partners: tuple[tuple[int, int], ...] = ()


def activity_clauses(parsed: Sequence[ParsedSentence], main_type: str) -> list[ActivityClause]:
    """One activity per sentence at most (the first the sentence's clauses name), none for a
    sentence that only restates the story's main activity (same type, pointed back to with
    "the"/"this"). Raises nothing."""
    out: list[ActivityClause] = []
    for ps in parsed:
        found = _first_activity(ps, main_type)
        if found is not None:
            out.append(found)
    return out


def _first_activity(ps: ParsedSentence, main_type: str) -> ActivityClause | None:
    toks = ps.tokens
    for i in range(len(toks)):
        hit = _noun_activity(toks, i) or _verb_activity(toks, i)
        if hit is None:
            continue
        kind, title, gov = hit
        if _negated(toks, gov):
            continue
        status = _status(toks, gov, ps)
        if status is None:
            continue
        if _in_description(toks, gov):
            continue  # "curricula that provided trainings": background, not a report
        dated = _has_date(toks)
        if not _is_another(toks, i) and ((_pointed_back(toks, i) and not dated) or
                                         (_same_kind(kind, main_type) and not dated)):
            continue  # an activity already told ("the meeting"), or the main one told again
        during = _during_main(toks)
        doers, partners = _actor_phrases(toks, gov, i)
        return ActivityClause((ps.start, ps.end), title, kind, status, during, doers, partners)
    return None


def _noun_activity(toks: Sequence[ParsedToken], i: int) -> tuple[str, str, int] | None:
    """An activity noun governed by a verb of doing: (type, title, index of the verb)."""
    t = toks[i]
    if t.pos not in ("NOUN", "PROPN") or t.lemma.lower() not in ACTIVITY_NOUNS or t.dep == "compound":
        return None
    gov = _governor(toks, i)
    if gov is None:
        return None
    lemma = _verb_lemma(toks, gov)
    if lemma in DOING_VERBS or (lemma == "take" and _passive_or_place(toks, gov, i)):
        kind = event_type(_phrase(toks, i, with_of=False))
        if kind == "other":
            kind = _NOUN_TYPES.get(t.lemma.lower(), "other")
        if kind == "other" and t.lemma.lower() not in ("handover", "ceremony"):
            return None
        title = _phrase(toks, i, with_of=True)
        subj = _named_subject(toks, gov)
        return kind, _capital(_clip(f"{title} by {subj}" if subj else title)), gov
    return None


def _verb_activity(toks: Sequence[ParsedToken], i: int) -> tuple[str, str, int] | None:
    """A verb that is the activity: train X, donate X, receive supplies, sign an agreement."""
    t = toks[i]
    if t.pos != "VERB":
        return None
    lemma = t.lemma.lower()
    obj = _object(toks, i)
    if lemma in SELF_VERBS and obj is not None:
        kind, noun = SELF_VERBS[lemma]
        if kind == "other" and not _supplied(toks, obj):
            return None
        return kind, _verb_title(toks, i, obj, noun), i
    if lemma in TRANSFER_VERBS and obj is not None and _supplied(toks, obj):
        return "other", _verb_title(toks, i, obj, "Handover of" if lemma == "hand" else "Delivery of"), i
    if lemma == "sign" and obj is not None and toks[obj].lemma.lower() in SIGNED_NOUNS:
        return "other", _verb_title(toks, i, obj, "Signing of"), i
    return None


def _verb_title(toks: Sequence[ParsedToken], verb: int, obj: int, noun: str) -> str:
    """"Training of <whom> <on what, where>" (+ " by <who>" when the doer is named): the clause's
    own words, so the title says what was done, to whom and by whom."""
    parts = [noun, _words(toks, _span_of(toks, obj, skip_det=True))]
    for j, t in enumerate(toks):
        if t.head == verb and j > obj and t.dep == "prep" and t.lemma.lower() in ("on", "in", "at", "from", "to", "for"):
            parts.append(_words(toks, _span_of(toks, j)))
    subj = _named_subject(toks, verb)
    if subj:
        parts.append("by " + subj)
    return _clip(" ".join(p for p in parts if p))


def _span_of(toks: Sequence[ParsedToken], i: int, *, skip_det: bool = False) -> tuple[int, int]:
    below = _descendants(toks, i)
    lo, hi = min(below), max(below)
    while skip_det and lo < i and toks[lo].dep in ("det", "poss", "predet"):
        lo += 1
    while hi > i and toks[hi].dep in ("punct", "cc"):
        hi -= 1
    return lo, hi


def _words(toks: Sequence[ParsedToken], span: tuple[int, int]) -> str:
    lo, hi = span
    return "".join(t.text + (" " if k < hi and toks[k + 1].start > t.end else "")
                   for k, t in enumerate(toks) if lo <= k <= hi).strip()


def _named_subject(toks: Sequence[ParsedToken], verb: int) -> str:
    """The proper-name subject of the verb, or of the verb it is coordinated with or
    complements ("Mercy Corps will work with NEMA and train ..."); empty otherwise."""
    k = verb
    for _ in range(3):
        for j, t in enumerate(toks):
            if t.head == k and j != k and t.dep in ("nsubj", "agent"):
                if t.dep == "agent":
                    objs = [x for x, u in enumerate(toks) if u.head == j and u.dep == "pobj"]
                    if not objs:
                        return ""
                    j = objs[0]
                if toks[j].pos != "PROPN":
                    return ""
                return _words(toks, _span_of(toks, j, skip_det=True))
        if toks[k].dep in ("conj", "xcomp") and toks[k].head != k:
            k = toks[k].head
        else:
            return ""
    return ""


def _clip(s: str) -> str:
    return s if len(s) <= _TITLE_MAX else s[:_TITLE_MAX].rsplit(" ", 1)[0]


def _actor_phrases(toks: Sequence[ParsedToken], gov: int, noun: int
                   ) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Who did it and with whom, from the governing verb's dependents: its subject (through
    coordinated and complement verbs: "X will work with Y and train Z"), the "by" agent of a
    passive, "together/jointly with" (co-doers); other "with" and "to" phrases (partners)."""
    doers: list[tuple[int, int]] = []
    partners: list[tuple[int, int]] = []
    k = gov
    for _ in range(6):
        subj = [j for j, t in enumerate(toks) if t.head == k and j != k and t.dep == "nsubj"]
        if subj:
            if toks[subj[0]].tag not in ("WDT", "WP", "PRP"):  # "they", "which": not a name
                doers.append(_chars(toks, _span_of(toks, subj[0])))
            break
        if toks[k].dep in ("conj", "xcomp", "advcl", "pcomp", "prep") and toks[k].head != k:
            k = toks[k].head
        else:
            break
    for head in {gov, noun}:
        for j, t in enumerate(toks):
            if t.head != head or j == head or t.dep not in ("prep", "agent"):
                continue
            word = t.lemma.lower()
            objs = [x for x, u in enumerate(toks) if u.head == j and u.dep == "pobj"]
            if not objs:
                continue
            where = _chars(toks, _span_of(toks, objs[0]))
            jointly = any(u.head == j and u.lemma.lower() in ("together", "jointly") for u in toks) or \
                (j > 0 and toks[j - 1].lemma.lower() in ("together", "jointly"))
            if (word == "by" and (t.dep == "agent" or toks[gov].tag == "VBN")) or (word == "with" and jointly):
                doers.append(where)
            elif word in ("with", "to"):
                partners.append(where)
    return tuple(doers), tuple(partners)


def _chars(toks: Sequence[ParsedToken], span: tuple[int, int]) -> tuple[int, int]:
    return toks[span[0]].start, toks[span[1]].end


def _verb_lemma(toks: Sequence[ParsedToken], i: int) -> str:
    """The verb's lemma, joined with a "co-" the tokenizer split off ("co-organized")."""
    lemma = toks[i].lemma.lower()
    if i >= 2 and toks[i - 1].text == "-" and toks[i - 2].text.lower() == "co":
        return "co-" + lemma
    if toks[i].text.lower() == "co" and i + 2 < len(toks) and toks[i + 1].text == "-":
        nxt = toks[i + 2].lemma.lower()
        return "co-" + ("organize" if nxt.startswith("organi") else nxt)
    return lemma


def _governor(toks: Sequence[ParsedToken], i: int) -> int | None:
    """The nearest verb above the noun, through objects, appositions, conjuncts and the
    preposition of a gerund ("for organising trainings"), but not through a clause boundary."""
    k = i
    for _ in range(_MAX_HOPS):
        t = toks[k]
        if t.head == k:
            return k if toks[k].pos in ("VERB", "AUX") else None
        if t.dep not in ("dobj", "nsubjpass", "nsubj", "appos", "conj", "pobj", "attr", "oprd", "npadvmod"):
            return None
        h = t.head
        if toks[h].pos in ("VERB", "AUX"):
            if t.dep == "nsubj" and toks[h].lemma.lower() != "take":
                return None  # "the training covered": the activity does something, it is not done
            return h
        if t.dep == "pobj" and toks[h].lemma.lower() not in ("in", "of"):
            return None  # "for trainings", "with the workshop": not what the verb did
        k = h
    return None


def _passive_or_place(toks: Sequence[ParsedToken], gov: int, noun: int) -> bool:
    """"A workshop took place", "the meeting was held": the noun is the subject of a verb of
    occurring."""
    if toks[gov].lemma.lower() == "take":
        return any(t.head == gov and t.lemma.lower() == "place" for t in toks)
    return False


def _object(toks: Sequence[ParsedToken], i: int) -> int | None:
    """The direct object of verb ``i`` (or of "hand over"); of a coordinated object ("beds and
    oxygen kits"), the first conjunct that is a thing supplied, else the first."""
    for j, t in enumerate(toks):
        if t.head == i and j != i and t.dep in ("dobj", "nsubjpass"):
            return j
    return None


def _supplied(toks: Sequence[ParsedToken], j: int) -> bool:
    """The object, or one of its conjuncts ("beds and oxygen kits"), is a thing supplied."""
    conj = [k for k, u in enumerate(toks) if u.head == j and u.dep == "conj"]
    return any(toks[k].lemma.lower() in SUPPLY_NOUNS for k in (j, *conj))


def _chain(toks: Sequence[ParsedToken], i: int) -> list[int]:
    """The token and the verbs above it up to the root (for tense and modality)."""
    out = [i]
    k = i
    while toks[k].head != k and len(out) < 8:
        k = toks[k].head
        if toks[k].pos in ("VERB", "AUX"):
            out.append(k)
        if toks[k].dep in ("relcl", "advcl", "acl") and toks[k].pos in ("VERB", "AUX"):
            out.append(toks[k].head)
            break
    return out


def _status(toks: Sequence[ParsedToken], gov: int, ps: ParsedSentence) -> Status | None:
    """Planned when "will"/"shall" or a planning word reaches the verb; completed when it is in a
    past tense (or a present perfect or progressive); None for a habit or a mere possibility."""
    chain = _chain(toks, gov)
    auxes = [t for t in toks if t.head in chain and t.dep in ("aux", "auxpass")]
    words = {t.lemma.lower() for t in auxes}
    if words & {"will", "shall"} or any(t.lemma.lower() in ("plan", "intend", "expect", "aim") and
                                          t.pos == "VERB" for t in (toks[c] for c in chain)):
        return "planned"
    if words & {"would", "could", "may", "might", "should", "must", "can"}:
        return None
    tags = {toks[c].tag for c in chain}
    if "VBD" in tags or ("VBN" in tags and words & {"have", "be"}) or (tags & {"VBG"} and "be" in words):
        if _FUTURE_WORDS.search(" ".join(t.text for t in toks)):
            return "planned"
        return "completed"
    return None


def _same_kind(a: str, b: str) -> bool:
    """Meetings of a committee or a working group are meetings."""
    meetings = ("meeting", "steering_committee", "working_group")
    return a == b or (a in meetings and b in meetings)


def _in_description(toks: Sequence[ParsedToken], gov: int) -> bool:
    """The verb is in a relative clause: it describes a thing named before ("a project that
    trained 200 teachers"), it does not report what the story's actors did."""
    if any(t.head == gov and t.dep in ("nsubj", "nsubjpass") and t.tag in ("WDT", "WP") for t in toks):
        return True  # "... curricula that provided trainings": a relative clause the parser misread
    k = gov
    for _ in range(3):
        if toks[k].dep in ("relcl", "acl"):
            return True
        if toks[k].head == k:
            return False
        k = toks[k].head
    return False


def _negated(toks: Sequence[ParsedToken], gov: int) -> bool:
    return any(t.head == gov and t.dep == "neg" for t in toks)


def _pointed_back(toks: Sequence[ParsedToken], i: int) -> bool:
    return any(t.head == i and t.dep == "det" and t.lemma.lower() in _BACK for t in toks)


def _is_another(toks: Sequence[ParsedToken], i: int) -> bool:
    return any(t.head == i and t.lemma.lower().split("-")[0] in _ANOTHER for t in toks)


_DATE_WORD = re.compile(r"(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
                        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")


def _has_date(toks: Sequence[ParsedToken]) -> bool:
    """A year or a month of its own (a weekday or "today" dates the story, not another activity)."""
    return any(_DATE_WORD.fullmatch(t.text) and (t.pos in ("NUM", "PROPN") or t.text[:1].isdigit()) for t in toks)


def _during_main(toks: Sequence[ParsedToken]) -> bool:
    """"During the visit, ...", "At the meeting, ...": told as part of the main activity."""
    return len(toks) > 2 and toks[0].lemma.lower() in ("during", "at") and toks[1].lemma.lower() in ("the", "this")


def _phrase(toks: Sequence[ParsedToken], i: int, *, with_of: bool) -> str:
    """The noun with its left modifiers and, when ``with_of``, its "of/on/for/in" complement:
    the clause's own words for a title."""
    if toks[i].dep == "appos" and toks[i].head < i:
        i_left = _phrase(toks, toks[i].head, with_of=False)
        rest = _phrase_from(toks, i, with_of=with_of)
        return f"{i_left} {rest}"[:_TITLE_MAX].strip()
    return _phrase_from(toks, i, with_of=with_of)


def _phrase_from(toks: Sequence[ParsedToken], i: int, *, with_of: bool) -> str:
    below = _descendants(toks, i)
    lo = i
    while lo > 0 and lo - 1 in below and toks[lo - 1].dep not in ("det", "poss", "case", "predet") \
            and not (toks[lo - 1].dep == "punct" and toks[lo - 1].end != toks[lo].start):
        lo -= 1
    hi = i
    if with_of:
        for j in range(i + 1, len(toks)):
            t = toks[j]
            if t.head == i and t.dep == "prep" and t.lemma.lower() in ("of", "on", "for", "in", "about"):
                sub = _descendants(toks, j)
                hi = j
                while hi + 1 < len(toks) and hi + 1 in sub:
                    hi += 1
                break
    while hi > i and toks[hi].dep in ("punct", "cc"):
        hi -= 1
    text = "".join(t.text + (" " if k + 1 < len(toks) and toks[k + 1].start > t.end else "")
                   for k, t in enumerate(toks) if lo <= k <= hi)
    return text.strip()[:_TITLE_MAX].strip()


def _descendants(toks: Sequence[ParsedToken], i: int) -> set[int]:
    """Indices of the tokens below ``i`` in the tree, ``i`` included."""
    out = {i}
    grew = True
    while grew:
        grew = False
        for j, t in enumerate(toks):
            if j not in out and t.head in out and t.head != j:
                out.add(j)
                grew = True
    return out


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]
