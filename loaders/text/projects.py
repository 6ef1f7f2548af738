"""Projects as actors: "X project(s)", "X Project", quoted titles after "project", "X team".

Why: in cooperation news the project is an actor ("SECiM team organized ...") and the link between
donors, implementers and beneficiaries ("EU funded project ...", "GIZ project ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopgraph.loaders.text.spans import leftmost_longest

#: Two capitals in one word. Why ``[a-z]*`` between them: two adjacent ``[A-Za-z]*`` split a
#: word of n capitals n² ways before failing ('A' * 10,000 took 15 s, issue 13).
_ACR = r"[A-Z][a-z]*[A-Z][A-Za-z]*(?:\s?(?:C)?\d{1,2})?"
#: At most 12 more acronyms in a list: unbounded, 'ILO, ' * 4,000 rescanned the list from each
#: of its items (quadratic, over 30 s).
_LIST_PROJECTS = re.compile(
    rf"(?<![\w\-])((?:{_ACR})(?:\s*,\s*(?:{_ACR})){{0,12}}(?:\s*,?\s+and\s+(?:{_ACR}))?)\s+[Pp]rojects?\b")
#: "Green Jobs Project", "Skills for Employment Project": capitalised words, short connectors inside
_NAMED_PROJECT = re.compile(
    r"\b((?:[A-Z][a-z][\w\-]*\s){2,7}|[A-Z][a-z][\w\-]*\s(?:(?:for|of|and|in|on)\s)?(?:[A-Z][a-z][\w\-]*\s(?:(?:for|of|and|in|on)\s)?){0,5}(?<!for\s)(?<!of\s)(?<!and\s)(?<!in\s)(?<!on\s))(?:Project|Programme)\b")
#: "three projects are titled "A", "B" and "C"": each quoted title names a project
_TITLED = re.compile(r"\b(?:[Pp]rojects?|[Pp]rogramm?es?|[Pp]rograms?|[Ii]nitiatives?)[ \n]+(?:(?:is|are|was|were)[ \n]+)?"
                     r"(?:titled|entitled|called|named)[ \n]*:?[ \n]*(?=\")")
_QUOTED_ITEM = re.compile(r"\"([A-Z][^\"\n]{4,200})\"")
#: "the Improving Disaster Risk Management project", "the India-Nepal Development Partnership
#: programme": a capitalised title before a lower-case "project" or "programme"
_NAMED_LOWER = re.compile(r"(?<![\w\-])((?:[A-Z][\w\-]*[ ](?:(?:and|for|of|in|on|to)[ ])?){2,8})(project|programme|program)$")
_LOWER_KIND = re.compile(r"(?<=[A-Za-z] )(?:project|programme|program)\b")
_LEADING_NOT_NAME = re.compile(r"(?:(?:The|This|Our)\s|(?:Million|Billion|Thousand)\s(?:for\s)?)")
_UNDER = re.compile(r"\bunder[ \n]+(?:the[ \n]+)?$")
_AMOUNTS = frozenset({"Million", "Billion", "Thousand", "USD", "US"})
#: "the Project for Promoting Social Participation of Persons with Disabilities": a title that
#: opens with "Project for / on" (as bilateral agencies name theirs), its words capitalised
_PROJECT_FOR = re.compile(r"(?<![\w\-])(?:[Tt]he|a|this)[ \n]+(Project[ \n]+(?:for|on)[ \n]+[A-Z][\w\-]*"
                          r"(?:[ \n]+(?:[A-Z][\w\-]*|of|for|and|in|on|to|with|the)){1,14})")
#: "National Project Coordinator", "Chief Project Officer": a job title, not a project
_JOB_TITLE = re.compile(r"\s+(?:Co-?ordinator|Manager|Director|Officer|Assistant|Specialist|Advis[eo]r|Consultant|"
                        r"Leader|Administrator|Analyst|Expert)s?\b")
_JOB_ADJECTIVES = frozenset("national international chief senior deputy regional local assistant associate junior "
                            "lead acting".split())
#: a page's title line "Skills for Employment in Western Mongolia - Newsletter No. 3": the page's project
_NEWSLETTER_TITLE = re.compile(
    r"\A\s*((?:[A-Z][\w\-']*[ \t]+(?:(?:for|of|and|in|on|to|through|the)[ \t]+){0,2}){2,9}?)"
    r"(?:[-:|][ \t]*)?(?:[Nn]ewsletter|[Bb]ulletin)\b")
_NOT_PROJECT_HEAD = re.compile(
    r"\b(?:Ministry|Organi[sz]ation|Agency|Office|Bank|Embassy|Federation|Confederation|Union|Association|"
    r"Council|Department|Government|University|College|Institute|Centre|Center|Fund|Foundation)\s*$")
_ACR_AFTER = re.compile(r"[ \n]*\(([A-Z][A-Za-z]*\d?[A-Z][A-Za-z]*)\)")
#: 'the "Decent Work for Rural Youth" (DWRY) project': a quoted title, its acronym, then "project"
_QUOTED_ACR = re.compile(r"\"([^\"\n]{5,200})\"\s+\(([A-Z][A-Za-z0-9]{1,10})\)\s+[Pp]roject\b")
#: 'the "Inclusive Employment for Persons with Disabilities" project': a quoted title (double or
#: single quotes, wrapped over lines), then "project" ('pilot project', 'new project')
_QUOTED_PLAIN = re.compile(r"\"([A-Z][^\"\n]{4,200}(?:\n[^\"\n]{1,200})?)\"\s+(?:(?:pilot|new)\s+)?[Pp]roject\b"
                           r"|(?<![\w'])'([A-Z][^'\n]{4,200}(?:\n[^'\n]{1,200})?)'\s+(?:(?:pilot|new)\s+)?[Pp]roject\b")
#: 'the ILO Bridge-II project': a body's acronym, one name word, then a lower-case "project"
_OWNED_WORD = re.compile(r"(?<![\w\-])([A-Z]{2,8})\s+([A-Z][a-z]*[\w]*-[\w\-]+|[A-Z][a-z]+\d+)\s+project\b")
_QUOTED_AFTER = re.compile(
    r"\b(?:([A-Z][A-Za-z]{1,10})(?:'s)?\s+)?(?:(funded|financed|supported)\s+)?[Pp]roject,?\s+\"([^\"\n]{5,200})\"")
_QUOTED_BEFORE = re.compile(r"\b([A-Z][A-Za-z]{1,10})'s\s+\"([^\"]{5,200})\"\s+project\b")
_OF_ORG = re.compile(r"\b([A-Z][a-z]+(?:\s[a-z]+){0,3}\s[Pp]roject)\s+of\s+([A-Z]{2,8})\b")
_TEAM = re.compile(r"\b([Tt]he\s+(?:(?:new|pilot|\w+-year)\s+)?[Pp]roject\b(?!\s+(?:[A-Z]|\"|(?:for|on)\s+[A-Z])))|\b([Ee]xpert\s+team)\b")
#: 'the Resilient Pastoral Livelihoods (RPL) project': an unquoted title, its acronym, "project"
_TITLE_ACR = re.compile(
    r"\b((?:[A-Z][\w\-']*[ \n]+(?:(?:for|of|and|in|on|to|through)[ \n]+)?){1,8}?)\(([A-Z][A-Za-z0-9]{1,10})\)[ \n]+[Pp]roject\b")
_TITLE_LEAD = frozenset("The This That Our Its Their Under With From For By In On At And".split())
_FUNDED_BY = re.compile(
    r"\b([A-Z][A-Za-z]{1,10}(?:[ \n][A-Z][A-Za-z]{1,12}){0,3})(?:\s\([A-Z]{2,8}\))?(?:\s+|-)(?:funded|financed)\s*$")


@dataclass(frozen=True)
class ProjectHit:
    start: int
    end: int
    name: str
    acronym: str | None = None
    funder: str | None = None  # surface of the funding/implementing organisation, if stated
    implementer: str | None = None
    owner: str | None = None  # "X project" where X is an organisation: funds or implements
    generic: bool = False  # "the project", "Expert team": the page's own project
    forms: tuple[str, ...] = ()  # other ways the text writes the name ('VET Project')


def find_projects(text: str, start: int, end: int) -> list[ProjectHit]:
    out: list[ProjectHit] = []
    quotes = text.find('"', start, end) >= 0 or text.find("'", start, end) >= 0  # quoted titles need a quote mark
    for m in (_QUOTED_AFTER.finditer(text, start, end) if quotes else ()):
        title = m.group(3).strip()
        acr = re.search(r"\(([A-Z][\w+&\- ]{1,20})\)\s*$", title)
        owner = m.group(1) if m.group(1) and m.group(1).lower() not in ("the", "this", "a") else None
        funded = m.group(2) or _FUNDED_BY.search(text[max(start, m.start() - 60):m.start() + len(m.group(0).split('"')[0])])
        before = _FUNDED_BY.search(text, max(start, m.start() - 60), m.start() + 1)
        funder = None
        if m.group(2):
            fb = _FUNDED_BY.search(text, max(start, m.start() - 40), m.start(2) + len(m.group(2)))
            funder = fb.group(1) if fb else owner
            owner = None
        del funded, before
        out.append(ProjectHit(m.start(3), m.end(3), _strip_acr(title), acr.group(1) if acr else None,
                              funder=funder, owner=owner))
    for m in (_QUOTED_BEFORE.finditer(text, start, end) if quotes else ()):
        title = m.group(2).strip()
        acr = re.search(r"\(([A-Z][\w ]{1,10})\)", title)
        out.append(ProjectHit(m.start(2), m.end(2), title, acr.group(1) if acr else None, owner=m.group(1)))
    for m in (_QUOTED_PLAIN.finditer(text, start, end) if quotes else ()):
        g = 1 if m.group(1) is not None else 2
        fb = _FUNDED_BY.search(text, max(start, m.start() - 40), m.start())
        out.append(ProjectHit(m.start(g), m.end(g), " ".join(m.group(g).split()), None,
                              funder=fb.group(1) if fb else None))
    for m in _OWNED_WORD.finditer(text, start, end):
        out.append(ProjectHit(m.start(2), m.end(2), m.group(2), None, owner=m.group(1),
                              forms=(" ".join(m.group(0).split()),)))
    for m in (_QUOTED_ACR.finditer(text, start, end) if quotes else ()):
        fb = _FUNDED_BY.search(text, max(start, m.start() - 40), m.start())
        out.append(ProjectHit(m.start(1), m.end(1), m.group(1).strip(), m.group(2),
                              funder=fb.group(1) if fb else None))
    for m in _titles_with_acronym(text, start, end):
        words = m.group(1).split()
        while words and words[0] in _TITLE_LEAD:
            words.pop(0)
        owner = words.pop(0)[:-2] if words and words[0].endswith("'s") else None  # "X's Title (ACR) Project"
        if len(words) < 2:
            continue
        s0 = m.start(1) + m.group(1).index(words[0])
        fb = _FUNDED_BY.search(text, max(start, s0 - 40), s0)
        e0 = m.start(1) + len(m.group(1).rstrip())
        word = m.group(0).split()[-1]
        forms = (f"{m.group(2)} {word}", f"{' '.join(words)} ({m.group(2)}) {word}") if word[0].isupper() else ()
        out.append(ProjectHit(s0, e0, " ".join(words), m.group(2), funder=fb.group(1) if fb else None,
                              owner=owner, forms=forms))  # 'X (ACR) Project': 'Project' is part of the name
    for m in _OF_ORG.finditer(text, start, end):
        out.append(ProjectHit(m.start(1), m.end(2), m.group(0), None, owner=m.group(2)))
    for m in _LIST_PROJECTS.finditer(text, start, end):
        for a in re.finditer(_ACR, m.group(1)):
            s = m.start(1) + a.start()
            if text[s + len(a.group(0)):s + len(a.group(0)) + 10].lstrip().startswith('project "'):
                continue  # "GIZ project \"...\"": GIZ owns the quoted project
            out.append(ProjectHit(s, s + len(a.group(0)), a.group(0), a.group(0)))
    for m in _NAMED_PROJECT.finditer(text, start, end):
        name = m.group(0)
        s0 = m.start()
        lead = _LEADING_NOT_NAME.match(name)
        if lead is not None and len(name[lead.end():].split()) >= 3:
            # "The Solar-Wind Hybrid Project", "Million for Solar-Wind Hybrid Project" (a headline's
            # "$60 Million for ..."): the article or the amount is not the name
            s0 += lead.end()
            name = name[lead.end():]
        first = name.split()[0]
        if first in ("The", "This", "Our", "Each", "Integrated", "Third", "Second", "First"):
            continue
        if first == "New" and len(name.split()) > 2:  # "New Youth Jobs Project": the project is new
            out.append(ProjectHit(m.start() + 4, m.end(), name[4:], None, forms=(name,)))
            continue
        if _JOB_TITLE.match(text, m.end()) and all(w.lower() in _JOB_ADJECTIVES for w in name.split()[:-1]):
            continue
        acr = _ACR_AFTER.match(text, m.end())  # "X Project (ACR)": the acronym it goes by
        out.append(ProjectHit(s0, m.end(), name, acr.group(1) if acr else None))
    for m in (_TITLED.finditer(text, start, end) if quotes else ()):
        prev = m.end()
        for q in _QUOTED_ITEM.finditer(text, m.end(), min(end, m.end() + 1000)):
            if not re.fullmatch(r"[ \n]*(?:,|and|,[ \n]*and)?[ \n]*", text[prev:q.start()]):
                break  # the list of titles ends at the first word between two of them
            title = " ".join(q.group(1).split()).rstrip(".,")
            out.append(ProjectHit(q.start(1), q.start(1) + len(title), title, None))
            prev = q.end()
    for m in (_PROJECT_FOR.finditer(text, start, end) if "Project " in text else ()):
        name = re.sub(r"(?:[ \n]+(?:of|for|and|in|on|to|with|the))+$", "", m.group(1))
        if len(name.split()) >= 4:
            acr = _ACR_AFTER.match(text, m.start(1) + len(name))
            out.append(ProjectHit(m.start(1), m.start(1) + len(name), " ".join(name.split()), acr.group(1) if acr else None))
    lower_titles = []
    for kw in (_LOWER_KIND.finditer(text, start, end) if "pro" in text else ()):
        lm = _NAMED_LOWER.search(text, max(start, kw.start() - 120), kw.end())
        if lm is None:
            continue
        words = lm.group(1).split()
        while words and words[0] in _TITLE_LEAD | _AMOUNTS:
            words.pop(0)
        if len(words) < 2 or _NOT_PROJECT_HEAD.search(" ".join(words)) or words[0].isupper() \
                or (lm.group(2) != "project" and _UNDER.search(text, max(start, lm.start(1) - 12), lm.start(1))):
            continue  # "the World Bank project", "the ILO X project" (a body's), "under the X programme" (a funder's)
        s0 = lm.start(1) + lm.group(1).index(words[0])
        title = " ".join(words)
        lower_titles.append(ProjectHit(s0, lm.end(), f"{title} {lm.group(2)}", None, forms=(title,)))
    # read last: another reading of the same words (an owner, an acronym) knows more
    out += [h for h in lower_titles if not any(o.start < h.end and h.start < o.end for o in out)]
    t = _NEWSLETTER_TITLE.match(text, start, min(end, start + 300)) if start == 0 else None
    if t is not None:
        name = " ".join(t.group(1).split())
        if len(name.split()) >= 3 and not _NOT_PROJECT_HEAD.search(name) \
                and not name.split()[0].isupper():  # "ILO Mongolia Newsletter" is a body's
            out.append(ProjectHit(t.start(1), t.start(1) + len(t.group(1).rstrip()), name))
    for m in _TEAM.finditer(text, start, end):
        out.append(ProjectHit(m.start(), m.end(), m.group(0), generic=True))
    return leftmost_longest(out)


_ACR_PROJECT = re.compile(r"\([A-Z][A-Za-z0-9]{1,10}\)[ \n]+[Pp]roject\b")


def _titles_with_acronym(text: str, start: int, end: int) -> list[re.Match[str]]:
    """_TITLE_ACR matches, tried only before each '(ACR) project' (cheap on long texts)."""
    out: list[re.Match[str]] = []
    last = start
    for a in _ACR_PROJECT.finditer(text, start, end):
        m = _TITLE_ACR.search(text, max(last, a.start() - 160), a.end())
        if m is not None and m.end() == a.end():
            out.append(m)
        last = a.end()
    return out


def _strip_acr(title: str) -> str:
    """'Title (SHORT+ Name)': the short name in brackets at the end is an alias, not the title."""
    return re.sub(r"\s*\([A-Z][\w+&\- ]{1,20}\)\s*$", "", title)
