"""People: names with a courtesy title (Ms./Mr./Dr.), or introduced by a verb of saying, with
their role and affiliation read from the words around them.

Why: "SECiM Team leader Ms. Agrita Groza", "Mr. X, Team leader of Y" and "said Davaa Nyamkhuu,
Vice Minister for Labour and Social Welfare" are how this genre names people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"[A-Z][a-z][\w\-]*(?:\s[A-Z][a-z][\w\-]*){0,2}"
#: a local name form's initial after the given name: "Altantulga.B", "Ulaan.Ch"
_INITIAL_AFTER = r"(?:\.[A-Z][a-z]?(?![\w.]))"
_TITLED = re.compile(rf"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Mx)\.?\s((?:[A-Z][a-z]?\.\s?)?{_NAME}{_INITIAL_AFTER}?)")
#: Names written the local way, an initial (of the father's name) and the given name, with no
#: title: "B. Batbayar", "G.Bayarsaikhan", "Altantulga.B", "Ch. Ulaan".
_LOCAL = re.compile(r"(?:(?<![\w.])|(?<=\bMr\.)|(?<=\bMs\.)|(?<=\bMrs\.)|(?<=\bDr\.))(?:([A-Z][a-z]?)\.[ ]?([A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?)(?![\w.])"
                    r"|([A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?)\.([A-Z][a-z]?)(?![\w.]))")
#: A name right after a title, its body or place between: "Deputy Governor of X aimag Given
#: Family", "Country Director Given Family", "President Given Family".
_AFTER_TITLE = re.compile(
    r"\b(?:(?:Deputy|Vice|Acting|Senior|Country|Executive|Regional|National)[ ]+)*(?:Governor|Director|Minister|Mayor|Chairman|Chairwoman|Chairperson|President|Ambassador|"
    r"Head|Chief|Representative|Coordinator|Manager|Secretary|Specialist|Officer|Inspector)"
    r"(?:[ ]+(?:of|for)[ ]+(?:the[ ]+)?[A-Z][\w\-']*(?:[ ]+[A-Z][\w\-']*){0,4}?(?:[ ]+(?:aimag|soum|province|district|city))?)?"
    r"(?:[ ]+to[ ]+(?:the[ ]+)?[A-Z][\w\-']*(?:[ ]+[A-Z][\w\-']*){0,2}?)?"  # "Ambassador of X to Y B C"
    r"[ ]+(?:(?:Sir|Dame|Lord|Lady)[ ]+)?([A-Z][a-zà-öø-ÿ]+(?:-[A-Z]?[a-zà-öø-ÿ]+)?(?:[ ][A-Z][a-zà-öø-ÿ]+(?:-[A-Z]?[a-zà-öø-ÿ]+)?){1,2})"
    r"(?=[ ]+(?!of\b|for\b)[a-z(]|[,.;:]|$)", re.M)
#: A name in apposition with its role: "..., Given Family, Senior Inspector at ...".
_NAME_COMMA_ROLE = re.compile(
    r"(?:(?<=[,;:] )|(?<=\band )|(?<=\bincluding )|(?<=\bby )|(?<=[.!?/] )|(?<=^))([A-Z][a-zà-öø-ÿ]+(?:-[A-Z]?[a-zà-öø-ÿ]+)?[ ][A-Z][a-zà-öø-ÿ]+(?:-[A-Z]?[a-zà-öø-ÿ]+)?),[ ]"
    r"(?:an?[ ]|the[ ])?((?:[A-Za-z][\w\-]*[ ]){0,3}(?i:director|head|minister|officer|inspector|specialist|"
    r"expert|adviser|advisor|coordinator|manager|chairman|chairperson|president|secretary|representative|"
    r"consultant|governor|ambassador|ceo|founder|leader|economist|researcher|teacher|trainer))\b", re.M)
#: Abbreviations shaped like an initial: titles, "No.", "St.", "Co." ...
_NOT_INITIALS = frozenset("Mr Ms Dr St No Mt Jr Sr Co Vs Fr Lt Gen Rev Nr Vol Fig Ed Eds Op".split())
_SAID = re.compile(rf"\b(?:said|says|stated|noted|added|explained|according to)\s+({_NAME})(?=,|\s+who\b)")
_ROLE_AFTER = re.compile(
    r"^\s*,?\s*(?:the\s+)?((?-i:[A-Z]{2,8}\s)?(?:Vice\s|Deputy\s|Acting\s|State\s|Executive\s|Chief\s|Senior\s)?(?-i:[A-Z][a-z]+\s){0,2}(?:Vice\s|Deputy\s|Acting\s|State\s|Executive\s|Chief\s|Senior\s)?(?:Minister|Director[\w\-]*|Head|Team\s+leader|Chairman|Chair|"
    r"President|Secretary|Manager|Coordinator|Officer|Governor|Ambassador|Expert|Consultant|Advisor|"
    r"Adviser|Specialist|Representative|Leader|Resident\sRepresentative|Country\sDirector)[\w\s\-]*?)(?:\s+(?:of|for|at|with)\s+|(?=[,.;]))", re.I)
_ROLE_BEFORE = re.compile(
    r"((?:Vice\s|Deputy\s)?(?:Team\s+leader|Project\s+Director|Director|Head|Minister|officer|Officer|"
    r"Secretary|Manager|Coordinator|Chairman|Expert|Consultant|Specialist))(?:\s+of\s+[^,.;]{0,60}?)?\s*$")
#: a contact line: "Enkhjargal Dorj, Communications Officer" (the body on the next line), or
#: "Contact: Batbold Tsend, National Project Coordinator, ILO Ulaanbaatar" (the body after the role)
_CONTACT_LINE = re.compile(
    r"^(?:[ \t]*(?:Contacts?|Contact\s+person|Media\s+contact|Press\s+contact)[ \t]*:[ \t]*)?([A-Z][a-z][\w\-]*(?:[ \t][A-Z][a-z][\w\-]*){1,2}),[ \t]+((?:[A-Z][\w\-]*[ \t]+(?:and[ \t]+|of[ \t]+)?){0,4}"
    r"(?:Officer|Manager|Coordinator|Specialist|Director|Adviser|Advisor|Consultant|Assistant|"
    r"Representative|Head|Expert|Leader|Associate|Analyst))[ \t]*(?:$|,)", re.M)
_STOP = frozenset({"The", "This", "Team", "Project", "Head", "Director", "Minister", "Secretary"})


@dataclass(frozen=True)
class PersonHit:
    start: int
    end: int
    name: str
    role: str | None
    role_span: tuple[int, int] | None  # where the affiliation text lies (role phrase + "of X")


def find_people(text: str, start: int, end: int) -> list[PersonHit]:
    """People named in text[start:end] with the role phrase next to them."""
    out: list[PersonHit] = []
    for rx in (_TITLED, _SAID):
        for m in rx.finditer(text, start, end):
            name = _clean(m.group(1))
            if not name or name.split()[0] in _STOP:
                continue
            role, rspan = _role(text, m.start(), m.start(1) + len(name), end)
            out.append(PersonHit(m.start(1), m.start(1) + len(name), name, role, rspan))
    seen = {h.start for h in out}
    for h in [*local_names(text, start, end), *titled_names(text, start, end)]:
        if not any(o.start <= h.start < o.end or h.start <= o.start < h.end for o in out):
            out.append(h)
    seen = {h.start for h in out}
    for m in (_CONTACT_LINE.finditer(text, start, end) if "," in text[start:end] else ()):
        if m.start(1) in seen or m.group(1).split()[0] in _STOP:
            continue
        nl = text.find("\n", m.end() + 1, end)
        out.append(PersonHit(m.start(1), m.end(1), m.group(1), " ".join(m.group(2).split()),
                             (m.end(1), nl if nl > 0 else end)))
    out.sort(key=lambda h: h.start)
    return out


def local_names(text: str, start: int, end: int) -> list[PersonHit]:
    """Names in the local form (an initial beside the given name), with their role.

    Why the checks: "St. Petersburg" and "No. 138" have the same shape, so a title or
    abbreviation is not an initial; and a given name is a proper name, so a word the same text
    also writes in lower case ("A. Training ... training") is not one.
    """
    out: list[PersonHit] = []
    for m in _LOCAL.finditer(text, start, end):
        initial, given = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if initial in _NOT_INITIALS or given in _STOP or re.search(rf"\b{given.lower()}\b", text):
            continue
        ns = m.start()
        western = m.group(1) is not None and len(m.group(1)) == 1 and text[m.start() + 2:m.start() + 3] == " "
        first = _GIVEN_BEFORE.search(text, max(start, ns - 25), ns) if western else None
        if first is not None and first.group(1) not in _STOP and not _ROLE_WORD.fullmatch(first.group(1)) \
                and not _HEAD_NOUN.fullmatch(first.group(1)) and not re.search(rf"\b{first.group(1).lower()}\b", text):
            ns = first.start(1)  # "Mohamed M. Fall": a given name, a middle initial, a family name
        name = " ".join(text[ns:m.end()].split())
        role, rspan = _role(text, ns, m.end(), end)
        out.append(PersonHit(ns, m.end(), name, role, rspan))
    return out


#: a capitalised word right before an initial ("Mohamed M. Fall"), not a name's word after "of",
#: "and" or "for" ("Ministry of Labour B. Bold"), a title or a body's head noun
_GIVEN_BEFORE = re.compile(r"(?<![\w.’'])(?<!\bof )(?<!\band )(?<!\bfor )([A-Z][a-z]{2,})[ ]$")
_PORTFOLIO_WORDS = frozenset("Affairs Development Cooperation Protection Welfare Finance Health Education Science "
                             "Energy Industry Agriculture Justice Labour Labor Environment Tourism Culture Sports "
                             "Defense Defence Trade Economy Mining Construction Transport Roads".split())
_HEAD_NOUN = re.compile(r"Ministry|Agency|Office|Department|Centre|Center|Committee|Council|Fund|Bank|Project|"
                        r"Programme|Program|Association|Federation|Union|Institute|University|Embassy|Government")
_ROLE_WORD = re.compile(r"Representative|Ambassador|Governor|Director|Minister|President|Mayor|Chairman|"
                        r"Coordinator|Manager|Officer|Consultant|Expert|Specialist|Head|Chief|Mrs?|Ms|Dr|Sir")


def local_key(name: str) -> str | None:
    """'Ch. Ulaan', 'Ch.Ulaan' and 'Ulaan.Ch' name one person: the given name and the initial,
    in either order; None for a name not written the local way."""
    m = _LOCAL.fullmatch(name)
    if m is None:
        return None
    initial, given = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return f"{given.lower()}|{initial.lower()}"


def titled_names(text: str, start: int, end: int) -> list[PersonHit]:
    """Names written after a title without a courtesy title ('President Given Family').

    Why the check: a title is followed by capitalised words that are not a name too ('Head of
    Employment Division Employment Policy'); a word the text also writes in lower case, or a
    body's head noun, is not part of a person's name.
    """
    from coopgraph.loaders.text.organisations import HEAD_RE

    out: list[PersonHit] = []
    for m in _AFTER_TITLE.finditer(text, start, end):
        ns, name = m.start(1), m.group(1)
        while len(name.split()) > 2 and name.split()[0] in _PORTFOLIO_WORDS:
            # "Minister of Foreign Affairs A B": the portfolio's last word is not the name's first
            first = name.split()[0]
            ns, name = ns + len(first) + 1, name[len(first) + 1:]
        if _not_a_name(text, name, HEAD_RE):
            continue
        role_start = m.start()
        out.append(PersonHit(ns, m.end(1), name, " ".join(text[role_start:ns].split()), (role_start, ns)))
    for m in _NAME_COMMA_ROLE.finditer(text, start, end):
        if _not_a_name(text, m.group(1), HEAD_RE):
            continue
        role, rspan = _role(text, m.start(1), m.end(1), end)
        out.append(PersonHit(m.start(1), m.end(1), m.group(1), role or " ".join(m.group(2).split()),
                             rspan or (m.end(1), m.end())))
    return out


def _not_a_name(text: str, name: str, heads: re.Pattern[str]) -> bool:
    return any(w in _STOP or heads.fullmatch(w) or re.search(rf"\b{w.lower()}\b", text) for w in name.split())


def role_near(text: str, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The role phrase next to a name found by another reading (the recogniser), and the span
    where its affiliation lies: the same rules as for names found here."""
    return _role(text, start, end, len(text))


def _clean(name: str) -> str:
    name = re.sub(r"'s$", "", name.replace("\u2019", "'"))
    parts = name.split()
    while parts and parts[-1] in ("Team", "Head", "Director"):
        parts.pop()
    return " ".join(parts)


def _role(text: str, lead: int, name_end: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    after = text[name_end:min(end, name_end + 120)]
    m = _ROLE_AFTER.match(after)
    if m:
        stop = re.search(r"[.;]|,\s(?!\s)|\n\n", after[m.end():])
        rest_end = m.end() + (stop.start() if stop else min(len(after) - m.end(), 80))
        role = " ".join(m.group(1).split())
        minister = re.match(r"\s+(for\s+[A-Z][\w]*(?:\s+(?:and\s+)?[A-Z][\w]*)*)", after[m.end() - 5:]) \
            if role.endswith("Minister") and after[m.end() - 5:m.end()].strip() == "for" else None
        if minister:
            role = f"{role} {' '.join(minister.group(1).split())}"
        return role, (name_end, name_end + rest_end)
    before = text[max(0, lead - 90):lead]
    mb = _ROLE_BEFORE.search(before)
    if mb:
        role = mb.group(1)
        s = lead - len(before) + mb.start()
        line_start = text.rfind(". ", max(0, s - 60), s)
        return " ".join(role.split()), ((line_start + 2) if line_start >= 0 else max(0, s - 40), lead)
    m2 = re.match(r",\s+who\s+(manages|leads|heads|coordinates|directs)\b", after)
    if m2:
        return {"manages": "Manager", "leads": "Leader", "heads": "Head",
                "coordinates": "Coordinator", "directs": "Director"}[m2.group(1)], \
            (name_end, name_end + min(len(after), 100))
    return None, None
