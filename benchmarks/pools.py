"""Name pools for the synthetic benchmark corpus.

Aimags, countries and well-known international organisations and donors come from the package's
reference data (data/reference/*.json) when it is there; the generic national bodies, projects,
people and topics below are invented patterns, not facts from any document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"


@dataclass(frozen=True)
class Body:
    """An organisation or project the generator can name: full name, acronym, category."""

    name: str
    acronym: str | None
    type: str  # Organisation or Project
    category: str | None = None


_FALLBACK_AIMAGS = ("Arkhangai", "Bayankhongor", "Bulgan", "Darkhan-Uul", "Dornod", "Dornogovi",
                    "Dundgovi", "Govi-Altai", "Khentii", "Khovd", "Khuvsgul", "Orkhon", "Selenge",
                    "Sukhbaatar", "Tuv", "Uvs", "Zavkhan")
_FALLBACK_COUNTRIES = ("Germany", "Japan", "South Korea", "Finland", "Estonia", "Switzerland",
                       "Australia", "Ireland", "Latvia", "Canada")
_FALLBACK_INTERNATIONAL = (("International Labour Organization", "ILO", "international"),
                           ("Asian Development Bank", "ADB", "donor"),
                           ("Swiss Agency for Development and Cooperation", "SDC", "donor"))

PORTFOLIOS = ("Labour and Social Protection", "Finance", "Health", "Education and Science",
              "Energy", "Environment and Tourism", "Justice and Home Affairs",
              "Construction and Urban Development", "Road and Transport Development",
              "Mining and Heavy Industry", "Digital Development", "Culture", "Economy and Development")
AGENCY_KINDS = ("General Agency for", "National Office for", "General Authority for",
                "National Centre for", "Agency for")
AGENCY_FIELDS = ("Specialised Inspection", "Labour and Welfare Services", "Vocational Training",
                 "Employment Promotion", "Statistics and Surveys", "Land Administration",
                 "Family and Youth Development", "Disaster Management", "Standards and Metrology",
                 "Occupational Safety", "Small Business Development", "Skills Assessment")
RESEARCH_FIELDS = ("Labour Studies", "Economic Policy", "Agricultural Sciences",
                   "Vocational Education", "Public Administration", "Social Policy")
NGO_KINDS = ("Association of", "Federation of", "Union of", "Network of")
NGO_MEMBERS = ("Vegetable Growers", "Herders' Cooperatives", "Women Entrepreneurs",
               "Persons with Disabilities", "Young Professionals", "Cashmere Processors",
               "Greenhouse Farmers", "Tourism Operators")
PROJECT_AIMS = ("Support to", "Strengthening", "Promotion of", "Partnership for", "Capacity for")
PROJECT_FIELDS = ("Employment Creation", "Vocational Skills", "Labour Market Information",
                  "Rural Livelihoods", "Green Jobs", "Social Protection Reform",
                  "Value Chain Development", "Occupational Safety Standards",
                  "Youth Entrepreneurship", "Inclusive Growth", "Decent Work", "Skills Matching")
FIRST_NAMES = ("Oyunchimeg", "Batbold", "Enkhjargal", "Ganzorig", "Tsetsegmaa", "Munkhbat",
               "Sarantuya", "Bolormaa", "Anna", "Marco", "Laura", "Peter", "Ingrid", "Tomas",
               "Helena", "Jonas", "Nomin", "Erdene")
LAST_NAMES = ("Dorj", "Bat-Erdene", "Tserendorj", "Ganbaatar", "Lindqvist", "Rossi", "Keller",
              "Novak", "Berzina", "Hansen", "Purevsuren", "Altangerel", "Sukhee", "Meyer")
ROLE_TITLES = ("Team leader", "Key expert", "Director", "Head of Division", "Senior officer",
               "Programme manager", "Vice Minister", "Coordinator")
TOPICS = ("labour inspection practice", "minimum wage setting", "occupational safety and health",
          "skills needs of employers", "labour market information", "social dialogue",
          "career guidance for graduates", "employment of persons with disabilities",
          "vocational training standards", "rural employment programmes", "wage statistics",
          "informal employment", "youth unemployment", "green jobs in agriculture")
FILLER = ("The discussion focused on {topic}.",
          "Participants exchanged experience on {topic} and agreed on next steps.",
          "Presentations covered recent findings on {topic}.",
          "Recommendations on {topic} will be summarised in a short report.",
          "The sessions combined lectures, group work and case studies on {topic}.")


def _read(name: str) -> list[dict[str, object]] | None:
    path = REFERENCE_DIR / name
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else None


def aimags() -> tuple[str, ...]:
    """Aimag names (reference data, else a built-in list)."""
    places = _read("places.json")
    if not places:
        return _FALLBACK_AIMAGS
    return tuple(str(p["name"]) for p in places if p.get("place_type") == "aimag")


def countries() -> tuple[str, ...]:
    """Countries for study visits (not Mongolia)."""
    places = _read("places.json")
    if not places:
        return _FALLBACK_COUNTRIES
    return tuple(str(p["name"]) for p in places
                 if p.get("place_type") == "country" and p.get("name") != "Mongolia")


def international_bodies() -> tuple[Body, ...]:
    """International organisations and donors with an acronym."""
    orgs = _read("organisations.json")
    if not orgs:
        return tuple(Body(n, a, "Organisation", c) for n, a, c in _FALLBACK_INTERNATIONAL)
    out = []
    for o in orgs:
        acronyms = o.get("acronyms") or []
        if o.get("category") in ("international", "donor") and acronyms and not o.get("parent"):
            out.append(Body(str(o["name"]), str(acronyms[0]), "Organisation", str(o["category"])))
    return tuple(out)


def acronym(name: str, prefix: str = "") -> str:
    """Initials of the capitalised words: "Ministry of Finance" -> "MoF" with prefix "Mo"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return prefix + "".join(w[0] for w in words[1 if prefix else 0:])


def national_bodies() -> tuple[Body, ...]:
    """Ministries, agencies, research institutes and NGOs built from the patterns above."""
    out = [Body(f"Ministry of {p}", acronym(f"Ministry of {p}", "Mo"), "Organisation", "government")
           for p in PORTFOLIOS]
    for i, field in enumerate(AGENCY_FIELDS):
        name = f"{AGENCY_KINDS[i % len(AGENCY_KINDS)]} {field}"
        out.append(Body(name, acronym(name) if i % 3 else None, "Organisation", "government"))
    out += [Body(f"Research Institute of {f}", acronym(f"Research Institute of {f}"),
                 "Organisation", "research") for f in RESEARCH_FIELDS]
    for i, members in enumerate(NGO_MEMBERS):
        name = f"{NGO_KINDS[i % len(NGO_KINDS)]} {members}"
        out.append(Body(name, None, "Organisation", "ngo"))
    for aimag in aimags():
        out += [Body(f"Labour and Social Welfare Department of {aimag} aimag", None,
                     "Organisation", "government"),
                Body(f"{aimag} Polytechnic College", None, "Organisation", "education"),
                Body(f"Governor's Office of {aimag} aimag", None, "Organisation", "government")]
    return tuple(out)


def projects() -> tuple[Body, ...]:
    """Project names with acronyms; a few second phases ("... 2")."""
    out = []
    for i, field in enumerate(PROJECT_FIELDS):
        aim = PROJECT_AIMS[i % len(PROJECT_AIMS)]
        name = f"{aim} {field}"
        acr = acronym(name)
        if i % 4 == 3:
            name, acr = f"{name} – 2", f"{acr} 2"
        out.append(Body(name, acr, "Project"))
    return tuple(out)
