"""Organisation names found by their head noun: "Ministry of X", "General Office for X",
"X Federation", "Research Institute of X", "X Department of Y aimag", coordinated lists.

Why rules on head nouns: a body's name in this genre is a run of capitalised words around a
noun such as Ministry, Agency, Authority, Office, Institute or Federation. The same rule finds
bodies of any country and any sector without a list of names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

CAP_HEADS = ("Ministry|Ministries|Agency|Agencies|Authority|Authorities|Office|Offices|Department|"
              "Departments|Division|Divisions|Directorate|Institute|University|College|Centre|Center|"
              "Council|Committee|Commission|Federation|Confederation|Association|Union|Chamber|"
              "Foundation|Fund|Bank|Facility|Delegation|Secretariat|Unit|Organization|Organisation|"
              "Administration|Bureau|Inspectorate|Academy|Corporation|Company|Cooperative|Network|"
              "Alliance|Parliament|Hural|Court|Government|Governments|Polytechnics?|Embassy|Embassies|Consulate|"
              "Monastery|Temple|Society|Hospital|Clinic|School|Kindergarten|Museum|Municipality|"
              # a standing group of members ("National Gender Expert Group"); a working group is
              # not a body (its meetings are working_group events), nor "the World Bank Group"
              "(?<=Expert )Group|(?<=Advisory )Group|(?<=Consultative )Group|(?<=Coordination )Group")
_LOWER_HEADS = "office|department|division|centre|center|unit|council|committee|agency|authority|institute"
HEAD_RE = re.compile(rf"\b(?:{CAP_HEADS}|{_LOWER_HEADS})\b")
#: a word before a head noun; dotted initials ("U.S. Embassy") are one word
_WORD_LEFT = re.compile(r"((?<![\w.])(?:[A-Z]\.){2,3}|[\w'’][\w'’\-]*)([ \n]+)$")
#: a place's name and a spaced dash right before a name ("Mongolia – Australia Society")
_DASH_JOINED = re.compile(r"(?<![\w.])([A-Z][\w'’\-]*)[ ]+[–—][ ]+$")
_CONNECTORS = frozenset({"and", "of", "for", "&", "on", "in"})
_LEFT_STOP = frozenset(
    "the a an to with by from at in on of for as is are was were be been will that this these "
    "those which who its their his her our your all both each every other some any such "
    "organized organised hosted held attended conducted visited met including include includes "
    "representatives representative officers officer staff members member head director "
    "specialists between among via through into under over about".split())
_LEADING_DROP = frozenset("The This That These During In On At As With From For By And Of Its Their "
                          "Our A An Both Each All Also Then When While First Second Third Fourth "
                          "Fifth Sixth Seventh Eighth Ninth Tenth Next Last Former New".split())
_ROLE_WORDS = frozenset("head director minister officer officers chairman chair secretary governor "
                        "deputy representative representatives staff members member specialists "
                        "team leader manager president ceo cfo coo founder chief coordinator adviser advisor "
                        "expert experts consultant ambassador".split())
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_GENERIC = frozenset("governor's governor’s governor head local national state general main new central "
                     "regional district provincial city capital soum aimag".split())
_PLACE_WORDS = frozenset({"aimag", "aimags", "soum", "soums", "city", "province", "district"})

CATEGORY_BY_HEAD = {
    "ministry": "government", "agency": "government", "authority": "government",
    "office": "government", "department": "government", "division": "government",
    "directorate": "government", "administration": "government", "bureau": "government",
    "secretariat": "government", "commission": "government", "inspectorate": "government",
    "parliament": "government", "hural": "government", "government": "government", "court": "government",
    "institute": "research", "academy": "research", "university": "education",
    "college": "education", "polytechnic": "education", "polytechnics": "education", "centre": "education", "center": "education",
    "federation": "social_partner", "confederation": "social_partner", "union": "social_partner",
    "chamber": "social_partner", "association": "ngo", "foundation": "ngo", "network": "ngo",
    "alliance": "ngo", "cooperative": "private", "company": "private", "corporation": "private",
    "bank": "donor", "facility": "donor", "fund": "donor", "delegation": "donor",
    # an embassy in this genre is a donor country's mission (the gold annotations count delegations as donors)
    "embassy": "donor", "embassie": "donor", "consulate": "donor",
    "committee": "other", "council": "other", "unit": "other", "organization": "other",
    "organisation": "other", "governments": "government",
    "monastery": "other", "monasterie": "other", "temple": "other", "society": "ngo", "hospital": "other",
    "clinic": "other", "school": "education", "kindergarten": "education", "museum": "other",
}


@dataclass(frozen=True)
class OrgName:
    """A name found in the text: its span, the name itself, and its head noun."""

    start: int
    end: int
    name: str
    head: str


def category_for(name: str, head: str) -> str:
    """Organisation category from the head noun and a few telling words."""
    low = name.lower()
    if head.lower() in ("organization", "organisation") and ("international" in low or "united nations" in low or "world" in low):
        return "international"
    if "research" in low and head.lower() in ("institute", "centre", "center"):
        return "research"
    if "trade union" in low or "employers" in low.replace("'", "").replace("\u2019", ""):
        return "social_partner"
    if re.search(r"\bngos?\b|\bnon-governmental\b", low):  # a word: "Mongolia" holds "ngo"
        return "ngo"
    if re.search(r"\b(?:llc|ltd|jsc|inc|llp|gmbh|plc)\b", low):
        return "private"
    return CATEGORY_BY_HEAD.get(head.lower().rstrip("s").replace("ie", "y") if head.lower().endswith("ies") else head.lower().rstrip("s") if head.lower() not in ("address",) else head.lower(), "other")


def find_org_names(text: str, start: int, end: int, is_place: Callable[[str], bool]) -> list[OrgName]:
    """Organisation names in text[start:end], longest first where they overlap."""
    out: list[OrgName] = []
    for m in HEAD_RE.finditer(text, start, end):
        if m.group(0) in ("Ministries", "Departments", "Offices", "Divisions", "Agencies", "Authorities"):
            continue
        found = _expand(text, m.start(), m.end(), start, end, is_place)
        if found is not None:
            out.append(found)
    for m in (_GOVERNMENT_OF.finditer(text, start, end) if "government" in text or "office" in text else ()):
        if is_place(m.group(3)):  # "the government of Khovd aimag": that place's administration
            kind = " ".join(w.capitalize() if w[0].isalpha() else w for w in m.group(1).split())
            out.append(OrgName(m.start(), m.end(), f"{kind} of " + " ".join(m.group(2).split()), kind.split()[-1]))
    return _drop_overlaps(out)


#: a place's government written in lower case, as news text often does
_GOVERNMENT_OF = re.compile(r"(?<![\w-])(government|(?:mayor|governor)['’]s[ \n]+office)[ \n]+of[ \n]+(?:the[ \n]+)?"
                            r"(([A-Z][\w\-]+(?:[ \n]+[A-Z][\w\-]+)?)(?:[ \n]+(?:aimag|province|soum|city)\b)?)")


def _expand(text: str, hs: int, he: int, lo: int, hi: int, is_place: Callable[[str], bool]) -> OrgName | None:
    head = text[hs:he]
    lower_head = head[0].islower()
    left = _walk_left(text, hs, lo, allow_lower=lower_head, is_place=is_place)
    right = _walk_right(text, he, hi, head, is_place)
    words_left = text[left:hs].split()
    content_left = [w for w in words_left if w.lower() not in _CONNECTORS]
    right_text = text[he:right]
    if not content_left and not right_text.strip():
        return None
    if lower_head and len(content_left) + len([w for w in right_text.split() if w[:1].isupper()]) < 2:
        return None
    if content_left and all(w.lower().rstrip("'s").replace("\u2019", "'").rstrip("'s") in _GENERIC
                            or w.lower() in _GENERIC for w in content_left) and not right_text.strip() \
            and not is_place(" ".join(w for w in content_left if w.lower() in ("capital", "city"))):
        return None  # "the Governor's Office"; but "Capital City Governor's Office" names one
    if head == "Ministry" and right_text.lstrip().startswith(("of ", "for ")) \
            and len(content_left) == 1 and _NATIONALITY.fullmatch(content_left[0]):
        left = hs  # "the Mongolian Ministry of Health": the country's adjective is not the name
    posted = _POSTED_IN.match(text, right, hi) if head in _POST_HEADS else None
    if posted is not None and is_place(posted.group(1)):
        right = posted.end()  # "the Embassy of Japan in Mongolia": where a post stands is part of its name
    name = text[left:right].replace('"', "")
    return OrgName(left, right, " ".join(name.split()), head)


#: a country's post abroad, or an office, with the place it stands in after "in"
_POST_HEADS = frozenset({"Embassy", "Consulate", "Delegation", "Mission", "Office"})
_POSTED_IN = re.compile(r"[ \n]+in[ \n]+(?:the[ \n]+)?([A-Z][\w\-]+(?:[ \n]+[A-Z][\w\-]+)?)")


#: a nationality adjective ('Mongolian', 'Chinese', 'Japanese', 'Swiss', 'French', 'Thai')
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish|ch|ss|i)")


def _owner_possessive(text: str, w: str, ws: int, lo: int) -> bool:
    """'the Ministry of Labour's Employment Department', 'MLSP's Employment Department': the owner
    is another body, the name starts after it."""
    if not w.endswith(("'s", "s'")) or w.lower() in _POSSESSIVE_NAMES:
        return False
    return _looks_acronym(w[:-2]) or HEAD_RE.search(text, max(lo, ws - 60), ws) is not None


_POSSESSIVE_NAMES = frozenset("governor's women's children's people's employers' workers' farmers' herders' "
                              "citizens' veterans' consumers' teachers' nurses' doctors'".split())


def _after_head(text: str, conj: int, lo: int) -> bool:
    """Is there a complete body's name before the conjunction at ``conj`` ('X Federation and',
    'Ministry of Education and Science and')? Then what follows 'and' is another body or group."""
    m = _WORD_LEFT.search(text, max(lo, conj - 40), conj)
    if m is None or m.end() != conj:
        return False
    if HEAD_RE.fullmatch(m.group(1)) is not None and m.group(1)[0].isupper():
        return True
    left = re.split(r"[.,;:()\n]", text[max(lo, conj - 80):conj])[-1]
    return re.search(r"\b(?:Ministry|Agency|Authority|Federation|Confederation|Association|"
                     r"Organi[sz]ation|Department|Office|Institute|University|Commission)\b"
                     r"[ ]+(?:of|for)[ ]", left) is not None and " and " in left


#: a word glued to a function word by a hyphen where a space went missing ("Finance-as", "Mongolia-the")
_GLUED_HYPHEN = re.compile(r"-(?:the|as|and|of|in|to|an?|with|for|on|by|at)$")


def _place_before(text: str, pos: int, lo: int, is_place: Callable[[str], bool]) -> bool:
    before = _WORD_LEFT.search(text, max(lo, pos - 40), pos)
    return before is not None and before.group(1)[0].isupper() and is_place(before.group(1))


def _walk_left(text: str, hs: int, lo: int, allow_lower: bool,
               is_place: Callable[[str], bool] = lambda _w: False) -> int:
    """Start of the name: capitalised words (and connectors) before the head noun."""
    pos = hs
    best = hs
    steps = 0
    while pos > lo and steps < 10:
        dash = _DASH_JOINED.search(text, max(lo, pos - 40), pos)
        if dash is not None and best == pos and text[pos:pos + 1].isupper() and is_place(dash.group(1)):
            best = pos = dash.start(1)  # "Mongolia – Australia Society": two places' names joined by a dash
            steps += 1
            continue
        m = _WORD_LEFT.search(text, max(lo, pos - 40), pos)
        if m is None or m.end() != pos:
            break
        w = m.group(1)
        if "\n\n" in m.group(2):
            break
        wl = w.lower()
        if _owner_possessive(text, w, m.start(1), lo):
            break
        if _GLUED_HYPHEN.search(w):
            break  # "Mongolia-the Ministry": text glued by a missing space, another word before the name
        if w[0].isupper() or (w[0].isdigit() and not _YEAR.match(w)):
            if w in _LEADING_DROP:
                break
            best = m.start(1)
        elif wl in ("and", "&") and _after_head(text, m.start(1), lo):
            break  # "X Federation and Y Association": two bodies, each with its head noun
        elif wl in ("and", "&") and _place_before(text, m.start(1), lo, is_place):
            break  # "in Darchula and Baidyanath Public School": a place, then another name
        elif wl in ("and", "for", "&"):
            pass
        elif wl in _PLACE_WORDS:
            pass  # "Dornod aimag Governor's Office": the place's kind word inside the name
        elif wl == "of":
            before = _WORD_LEFT.search(text, max(lo, m.start(1) - 40), m.start(1))
            if before is None or before.group(1).lower() in _ROLE_WORDS:
                break
        elif (allow_lower and wl not in _LEFT_STOP and wl.isalpha()) or (allow_lower and "'" in w):
            pass
        else:
            break
        pos = m.start(1)
        steps += 1
    # a left part that begins with "X and" where X is an acronym belongs to a list, not the name
    seg = text[best:hs]
    mm = re.match(r"[A-Z]{2,}[a-z]?[A-Z]*\s+and\s+", seg)
    if mm:
        best += mm.end()
    elif re.match(r"[A-Z][a-z]+[ ]+and[ ]+[A-Z]", seg):
        best = _comma_items_left(text, best, lo, is_place)
    quoted = _QUOTED_BEFORE.search(text, max(lo, best - 70), best)
    if quoted is not None:
        best = quoted.start()  # '"Mongol Urkh" Psychological Institute': the quoted name is the body's
    return best


_QUOTED_BEFORE = re.compile(r'(?<![\w"])"[A-Z][^"\n]{1,60}"[ ]+$')


#: "the Family, Children and Youth Development Agency": one-word items before a name's own
#: "X and Y", after "the" or at the start of a sentence or line
_ITEMS_LEFT = re.compile(r"(?:(?<=\b[Tt]he[ ])|(?<=\band[ ])|(?<=^)|(?<=\n)|(?<=[.:;][ ]))((?:[A-Z][a-z]+,[ ]+)+)$")


def _comma_items_left(text: str, best: int, lo: int, is_place: Callable[[str], bool]) -> int:
    """The start of a name whose subject list begins before a comma ("Family, Children and Youth
    Development Agency"); a list of places or of bodies before it is not the name's."""
    window = max(lo, best - 60)
    m = _ITEMS_LEFT.search(text[window:best])
    if m is None:
        return best
    items = [w.strip(", ") for w in m.group(1).split(",") if w.strip()]
    if any(is_place(w) or w in _LEADING_DROP or HEAD_RE.fullmatch(w) for w in items):
        return best
    return window + m.start(1)


_RIGHT_TOKEN = re.compile(r"[ \n]+(?:(of|for|and|the|with|&)|((?:[A-Z]\.){2,3}|[A-Z][\w'\-]*)|(aimag|soum|city|province)\b|"
                         r"(protection|welfare|service|services|development|affairs|labour|labor|"
                         r"education|culture|science|sports|health|justice|finance|industry|trade|"
                         r"employment|security|policy|relation|relations|coordination|implementation|"
                         r"inspection|statistics|planning|disabilities|migration|immigration)\b)")


_ON = re.compile(r"[ \n]+on(?=[ \n]+[A-Z])")
_ON_HEADS = frozenset({"Committee", "Council", "Commission", "Board", "Network", "Alliance"})


def _walk_right(text: str, he: int, hi: int, head: str, is_place: Callable[[str], bool]) -> int:
    """End of the name: 'of/for' + capitalised words, and comma lists closed by 'and'."""
    end = he
    pos = he
    first = True
    prev_conn: str | None = None
    while pos < hi:
        if first and head in _ON_HEADS:
            on = _ON.match(text, pos, hi)
            if on is not None:  # "Committee on Labour and Social Consensus"
                pos, first = on.end(), False
                continue
        m = _RIGHT_TOKEN.match(text, pos, hi)
        if m is None:
            if text.startswith(",", pos) and end > he and not re.search(r"[ \n]and[ \n]", text[he:end]):
                # "Ministry of Education, Culture, Science and Sports" lists after the head; once an
                # "and" has closed the name ("Ministry of X and Y, Z"), a comma starts something else
                nxt = _comma_continuation(text, pos, hi)
                if nxt is not None:
                    end = pos = nxt
                    continue
            break
        conn, cap, place, noun = m.group(1), m.group(2), m.group(3), m.group(4)
        after_conn = prev_conn
        if first and conn not in ("of", "for"):
            break
        if cap in _LEADING_DROP:
            break
        if noun:
            if end > he or prev_conn in ("of", "for"):  # "Department of labour and social welfare"
                end = pos = m.end()
                prev_conn = None
                continue
            break
        first = False
        if conn == "the" and prev_conn == "and" and _heads_another(text, m.end(), hi):
            break  # "... welfare and the Governor's Office": another body begins (not "... for Asia and the Pacific")
        if conn == "and" and re.search(r"[ \n]and[ \n]", text[he:end]) and _heads_another(text, m.end(), hi):
            break  # "Ministry of Labour and Social Protection and Family, ... Agency": a second "and" joins two bodies
        prev_conn = conn
        if conn:
            pos = m.end()
            continue
        if place:
            if end > he:
                end = pos = m.end()
                continue
            break
        if cap and HEAD_RE.fullmatch(cap) and cap[0].isupper() and cap not in ("Union",):
            break
        if cap and _looks_acronym(cap):
            if after_conn == "for":
                end = pos = m.end()  # "National Commission for UNESCO": the acronym closes the name
            break
        glued = _GLUED_HYPHEN.search(cap) if cap else None
        if glued is not None:  # "Ministry of Finance-as": a missing space glued the next word on
            end = m.start(2) + glued.start()
            break
        if cap and len(cap) == 1 and text.startswith(".", m.end()):
            break  # "Ministry of Mining and Heavy Industry B.Bold": an initial starts a person's name
        if cap and cap.endswith("'s") and cap.lower() not in _POSSESSIVE_NAMES:
            end = m.end() - 2  # "Ministry of Labour's Department of X": the ministry ends here
            break
        end = pos = m.end()
    return end


_CAPITALISED_RUN = re.compile(r"[ \n]*(?:the[ \n]+)?((?:[A-Z][\w'\-]*|of|for|and)(?:[ \n,]+(?:[A-Z][\w'\-]*|of|for|and))*)")


def _heads_another(text: str, pos: int, hi: int) -> bool:
    """After a name's second "and": does another body's name begin ("... and Family, Children
    and Youth Development Agency"), or does the name go on ("Agency for Land Management and
    Geodesy and Cartography")? Another body has its own head noun or is an acronym."""
    m = _CAPITALISED_RUN.match(text, pos, min(hi, pos + 120))
    if m is None:
        return True
    run = m.group(1)
    return HEAD_RE.search(run) is not None or _looks_acronym(run.split()[0]) or m.group(0).lstrip().startswith("the")


def _comma_continuation(text: str, pos: int, hi: int) -> int | None:
    """', Culture, Science and Sports' continues a name; ', Ministry of X' does not."""
    m = re.match(r",[ \n]+((?:[A-Z][\w'\-]*)(?:[ \n]+[A-Z][\w'\-]*)*)", text[pos:min(hi, pos + 80)])
    if not m:
        return None
    seg = m.group(1)
    if HEAD_RE.search(seg) or any(_looks_acronym(w) for w in seg.split()) \
            or any(w.lower() in _ROLE_WORDS for w in seg.split()):
        return None
    rest = text[pos + m.end(): min(hi, pos + m.end() + 60)]
    if rest.startswith(",") and not re.match(r",[ \n]+and[ \n]", rest):
        # a name's own list ends with "and Z" ("Education, Culture, Science and Sports"); a list
        # of bodies goes on to something else ("X Committee, Monfemnet, civil society groups")
        return _comma_continuation(text, pos + m.end(), hi)
    mm = re.match(r",?[ \n]+and[ \n]+((?:[A-Z][\w'\-]*)(?:[ \n]+[A-Z][\w'\-]*)*)", rest)  # ", and Z" too
    if mm and not HEAD_RE.search(mm.group(1)) and not any(_looks_acronym(w) for w in mm.group(1).split()):
        return pos + m.end() + mm.end()
    return None


def _looks_acronym(w: str) -> bool:
    return sum(c.isupper() for c in w) >= 2 and len(w) <= 10


def _drop_overlaps(names: list[OrgName]) -> list[OrgName]:
    names.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[OrgName] = []
    for n in names:
        if out and n.start < out[-1].end:
            if n.end - n.start > out[-1].end - out[-1].start:
                out[-1] = n
            continue
        out.append(n)
    return out


_MINISTRIES = re.compile(r"\bMinistries[ \n]+of[ \n]+")


def split_ministries(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """'the Ministries of Justice and Home Affairs, Labour and Social Welfare, Foreign Affairs and
    Trade' names three ministries: one per comma-separated part."""
    out: list[tuple[int, int, str]] = []
    for m in _MINISTRIES.finditer(text, start, end):
        pos = m.end()
        parts = re.match(r"((?:[A-Z][\w'\-]*(?:[ \n]+(?:and|of|&)[ \n]+|[ \n]+)?)+)"
                         r"(?:,[ \n]*(?:and[ \n]+)?(?:[A-Z][\w'\-]*(?:[ \n]+(?:and|of|&)[ \n]+|[ \n]+)?)+)*",
                         text[pos:min(end, pos + 300)])
        if not parts:
            continue
        chunk = parts.group(0).rstrip()
        chunk = re.sub(r"[ \n]+(?:and|of|&)$", "", chunk)
        offset = pos
        pieces = chunk.split(",")
        last = re.match(r"(\s*(?:and\s+)?)(.+?)(\s+and\s+)(.+\s+and\s+.+)$", pieces[-1]) if len(pieces) > 1 else None
        if last:  # "..., Foreign Affairs and Population Development and Social Protection": a
            # last item with two "and"s holds the list's closing "and" first
            pieces[-1:] = [last.group(1) + last.group(2), last.group(4)]
            pieces[-1] = " " * (len(last.group(3)) - 1) + pieces[-1]  # offsets: the comma counts 1
        for piece in pieces:
            lead = len(piece) - len(piece.lstrip())
            p = piece.strip()
            if p.startswith("and "):
                lead += 4
                p = p[4:].strip()
            ps = offset + lead
            if p:
                out.append((ps, ps + len(p), "Ministry of " + " ".join(p.split())))
            offset += len(piece) + 1
        # the list's last part may end in "and the General ..." -- trim at a new head noun
    return out
