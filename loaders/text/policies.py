"""ILO conventions ("#81", "No. 81", "C081", "conventions #81 and #129") and policies: laws,
regulations, programmes, plans, strategies and classifications named in the text.

Why: what an activity is about (its subject) is a convention or a policy; the ILO's own numbers
give a convention its official title from reference data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopgraph.loaders.reference import RefConvention, reference
from coopgraph.loaders.text.spans import leftmost_longest

_CONV_LIST = re.compile(
    r"\b(?:[Cc]onventions?|ILO)\s+(?:(?:No\.?|Nos\.?|#)\s?)?(\d{1,3}(?:\s*(?:,|and|&)\s*(?:(?:No\.?|#)\s?)?\d{1,3})*)\b")
_CONV_SINGLE = re.compile(r"(?:#|\bNo\.\s?|\bC0?)(\d{2,3})\b")
_CONTEXT = re.compile(r"[Cc]onvention|ILO|ratif", re.I)


@dataclass(frozen=True)
class ConventionHit:
    start: int
    end: int
    surface: str
    convention: RefConvention


def find_conventions(text: str, start: int, end: int) -> list[ConventionHit]:
    """ILO conventions in text[start:end]; a bare '#81' counts only near 'convention'/'ILO'."""
    convs = reference().conventions
    out: dict[int, ConventionHit] = {}
    for m in _CONV_LIST.finditer(text, start, end):
        for n in re.finditer(r"\d{1,3}", m.group(1)):
            num = int(n.group(0))
            s = m.start(1) + n.start()
            if num in convs:
                out.setdefault(s, ConventionHit(s, s + len(n.group(0)), n.group(0), convs[num]))
    for m in _CONV_SINGLE.finditer(text, start, end):
        num = int(m.group(1))
        near = text[max(start, m.start() - 80):min(end, m.end() + 40)]
        if num in convs and _CONTEXT.search(near) and not any(h.start <= m.start(1) < h.end for h in out.values()):
            out.setdefault(m.start(1), ConventionHit(m.start(), m.end(), m.group(0), convs[num]))
    for m in _C_LIST.finditer(text, start, end):
        nums = [(n.start(), n.end(), int(n.group(1))) for n in re.finditer(r"C0?(\d{2,3})", m.group(0))]
        if all(num in convs for _, _, num in nums):  # "C88, C100 and C181": a list of conventions
            for a, b, num in nums:
                out.setdefault(m.start() + a + 1, ConventionHit(m.start() + a, m.start() + b,
                                                                 m.group(0)[a:b], convs[num]))
    for m in _titles_re().finditer(text, start, end):
        conv = next(c for c in convs.values() if c.title.lower() == m.group(1).lower())
        if not any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in out.values()):
            out.setdefault(m.start(), ConventionHit(m.start(), m.end(), m.group(0), conv))
    return sorted(out.values(), key=lambda h: h.start)


#: Two or more convention numbers in a list ("C88, C100, C111 and C181").
_C_LIST = re.compile(r"\bC0?\d{2,3}(?:\s*(?:,|and|&)\s*C0?\d{2,3})+\b")


@lru_cache(maxsize=1)
def _titles_re() -> re.Pattern[str]:
    """A convention named by its official title and year ('the Forced Labour Convention (1930)',
    'Equal Remuneration Convention, 1951'): the titles are reference data."""
    titles = sorted((c.title for c in reference().conventions.values()), key=len, reverse=True)
    alts = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"\b({alts}),?\s*\(?(?:1[89]|20)\d\d\)?", re.I)


@dataclass(frozen=True)
class PolicyHit:
    start: int
    end: int
    name: str
    policy_type: str


_KIND = (("classification", "classification"), ("law", "law"), ("legislation", "law"),
         ("regulation", "regulation"), ("programme", "programme"), ("program", "programme"),
         ("strategy", "strategy"), ("plan", "plan"), ("policy", "other"), ("framework", "other"))
_CAPNAME = r"(?:[A-Z][\w\-]*|\d+\w*)(?:\s(?:of|on|for|and|the|to)?\s?(?:[A-Z][\w\-]*|OSH|\d{4}(?:-\d{4})?))*"
#: At most 12 more capitalised words before 'Law', 'Plan'...: unbounded, a run of capitalised
#: words was rescanned from each of its words (100k characters: over 30 s).
_NAMED = re.compile(
    rf"\b((?:National|State|Government|Irish|Mongolian|Employment|Labour|OSH|[A-Z][a-z]+(?:-[a-z]+)?)(?:\s[A-Z][\w\-]*){{0,12}}\s"
    rf"(?:Law|Strategy|Policy|Programme|Program|Plan of Action|Action Plan|Plan|Framework|Classification|Goals|Agenda)\b"
    rf"(?:\s(?:on|of|for)\s{_CAPNAME})?(?:\s\d{{4}}(?:-\d{{4}})?)?)")
_LOWER_NAMED = re.compile(
    r"\b((?:[Nn]ational|\d+(?:st|nd|rd|th)\s+National)\s+(?:[Pp]rogram(?:me)?|[Ff]ramework|[Ss]trategy|[Pp]olicy)\s+on\s+"
    r"[\w ]{3,60}?)(?=\s+(?:manual|for|will|was|is|to)\b|[,.;])")
_QUOTED = re.compile(r'(?:\b(legislation|law|regulation|program|programme|strategy|plan|policy)\s+(?:on\s+)?)"([^"\n]{3,200})"', re.I)
_LAW_ON = re.compile(r"\b(?:renew\s+|new\s+|the\s+|draft\s+)?(law\s+on\s+[a-z][^\".;()]{5,120}?)(?=\"|\.|;|\)|\s+which\b)")
#: "the draft Law on Vocational Education and Training", "Law of Mongolia on Social Insurance"
_LAW_TITLE = re.compile(r"\b((?:Law|Act|Decree|Resolution)(?:\sof\sMongolia)?\s(?:on|of)\s(?:the\s)?[A-Z][\w\-]*"
                        r"(?:\s(?:of|on|for|and|the|to|in)?\s?[A-Z][\w\-]*)*)")
_HAS_CLASSIFICATION = re.compile("classification", re.I)
_CODE = re.compile(r"\b(?:classification\s+of\s+occupations?\s+)([A-Z]{3,}[\s\-]?\d{2})\b", re.I)
#: "SECiM Labour Policy (C1)", "X Policy component": a project's component, not a policy
_COMPONENT = re.compile(r"\s*\(C\d\)|\s+[Cc]omponent\b")
#: a verb of a title-case headline ("City Pilots External Policy Evaluation"): not a policy's name
_HEADLINE_VERB = re.compile(r"\b(?:Pilots|Launches|Signs|Hosts|Holds|Opens|Supports|Helps|Trains|Gets|Receives|"
                            r"Approves|Adopts|Discusses|Reviews|Presents|Marks|Celebrates|Calls|Urges|Joins)\b")
_NOT_POLICY = re.compile(r"\b(?:Annual Work Plan|Work Plan|Action Points?|Training Program)\b", re.I)


def _kind(name: str) -> str:
    low = name.lower()
    for word, kind in _KIND:
        if re.search(rf"\b{word}", low):
            return kind
    return "other"


def find_policies(text: str, start: int, end: int) -> list[PolicyHit]:
    """Policies in text[start:end]: quoted titles after 'law/regulation/...', named plans and laws."""
    out: list[PolicyHit] = []
    quotes = text.find('"', start, end) >= 0  # quoted titles need a quote mark
    for m in (_QUOTED.finditer(text, start, end) if quotes else ()):
        out.append(PolicyHit(m.start(2), m.end(2), m.group(2).strip(), _kind(m.group(1))))
    for rx in (_NAMED, _LOWER_NAMED, _LAW_TITLE):
        for m in rx.finditer(text, start, end):
            name = m.group(1).strip()
            if _NOT_POLICY.search(name) or len(name.split()) < 2 or _COMPONENT.match(text, m.start(1) + len(name)) \
                    or _HEADLINE_VERB.search(name):
                continue
            out.append(PolicyHit(m.start(1), m.start(1) + len(name), name, _kind(name)))
    for m in (_LAW_ON.finditer(text, start, end) if text.find("law", start, end) >= 0 else ()):
        name = m.group(1).strip()
        out.append(PolicyHit(m.start(1), m.start(1) + len(name), name[0].upper() + name[1:], "law"))
    for m in (_CODE.finditer(text, start, end) if _HAS_CLASSIFICATION.search(text, start, end) else ()):
        out.append(PolicyHit(m.start(1), m.end(1), m.group(1), "classification"))
    return leftmost_longest(out)
