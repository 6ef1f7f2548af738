"""IATI activity files (standard versions 2.01–2.03): each activity becomes a Project.

Why: donors and UN agencies publish their projects under the International Aid Transparency
Initiative. An activity names its funders and implementers with organisation identifiers, its
dates and its places, so it links text documents about the same project to who paid and who
did the work. The mapping is written down in docs/loaders.md.

Security: the XML is parsed with defusedxml, with DTDs, entity declarations and external
references refused; nothing a file points to (document links, schemas) is ever fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats import budgets
from coopgraph.loaders.formats.documents import read_bytes
from coopgraph.loaders.structured.entity_table import TypeKeyedEntityTable
from coopgraph.loaders.structured.place_names import add_place, find_place
from coopgraph.loaders.formats.sniffing import source_info, xml_root
from coopgraph.loaders.structured.values import local_id, parse_iso_date
from coopgraph.records import Event, ExtractionRecord, Relation

#: IATI activity standard versions this loader reads.
SUPPORTED_VERSIONS: tuple[str, ...] = ("2.01", "2.02", "2.03")
#: participating-org/@role codes (IATI OrganisationRole codelist).
FUNDING_ROLE = "1"
IMPLEMENTING_ROLES: dict[str, str] = {"2": "accountable", "3": "extending", "4": "implementing"}
#: participating-org/@type (IATI OrganisationType codelist) → coopgraph organisation category.
ORG_CATEGORIES: dict[str, str] = {
    "10": "government", "11": "government", "15": "government", "21": "ngo", "22": "ngo",
    "23": "ngo", "24": "ngo", "30": "other", "40": "international", "60": "donor",
    "70": "private", "71": "private", "72": "private", "73": "private", "80": "research",
    "90": "other",
}
#: activity-status/@code → event status of the project period.
_STATUS = {"1": "planned", "3": "completed", "4": "completed"}
#: activity-date/@type: 1 planned start, 2 actual start, 3 planned end, 4 actual end.
_START_TYPES, _END_TYPES = ("2", "1"), ("4", "3")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class IatiLoader:
    """Loader for IATI activity XML (``<iati-activities version="2.0x">``)."""

    name = "iati"

    def sniff(self, path: Path, head: bytes) -> bool:
        return xml_root(head) == "iati-activities"

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        """Read every ``iati-activity`` into a Project, its organisations, places and period.

        Raises:
            InputError: the file cannot be read.
            ExtractionError: invalid XML, a refused DTD or entity, an unsupported version, or an
                activity without an identifier (the message gives the line).
        """
        data = read_bytes(path)
        root, lines = parse_xml(path, data)
        _check_root(path, root, lines)
        activities = root.findall("iati-activity")
        if not activities:
            raise ExtractionError(path, "the file has no <iati-activity> element")
        notes: list[str] = []
        if len(activities) > budgets.MAX_IATI_ACTIVITIES:  # 20,000 ran for minutes
            notes.append(budgets.cut_note("activities", budgets.MAX_IATI_ACTIVITIES,
                                          len(activities)))
        table = TypeKeyedEntityTable()
        events: list[Event] = []
        relations: list[Relation] = []
        for activity in activities[:budgets.MAX_IATI_ACTIVITIES]:
            mapped = _map_activity(path, activity, lines, table)
            events.extend(mapped.events)
            relations.extend(mapped.relations)
        title = _narrative(activities[0].find("title"), "en") if len(activities) == 1 else None
        return ExtractionRecord(
            document=path.name, entities=table.entities(), events=tuple(events),
            relations=tuple(relations),
            source=source_info(path, data, "application/xml", title=title,
                               date=_generated_date(root)),
            warnings=tuple(notes),
        )


# --- parsing ---------------------------------------------------------------------------------

class _LineTarget:
    """A tree builder that remembers the line each element starts on (for messages)."""

    def __init__(self) -> None:
        self.builder = TreeBuilder()
        self.lines: dict[int, int] = {}
        self.parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = self.builder.start(tag, attrs)
        self.lines[id(element)] = int(self.parser.parser.CurrentLineNumber)
        return element

    def end(self, tag: str) -> Element:
        return self.builder.end(tag)

    def data(self, text: str) -> None:
        self.builder.data(text)

    def close(self) -> Element:
        return self.builder.close()


def parse_xml(path: Path, data: bytes) -> tuple[Element, dict[int, int]]:
    """Parse XML safely, returning the root and a map from ``id(element)`` to its line.

    Raises:
        ExtractionError: not well-formed XML, or a DTD, entity or external reference (refused).
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    target = _LineTarget()
    parser = DefusedXMLParser(target=target, forbid_dtd=True)
    target.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line, col = exc.position
        reason = str(exc).split(":", 1)[0]
        raise ExtractionError(path, f"line {line} column {col + 1}: not valid XML ({reason})") \
            from None
    except DefusedXmlException as exc:
        line = parser.parser.CurrentLineNumber
        raise ExtractionError(path, f"line {line}: {type(exc).__name__.replace('Forbidden', '')}"
                              " refused: coopgraph never expands DTDs, entities or external "
                              "references in XML") from None
    except LookupError as exc:  # expat meets an unknown name in encoding="..."
        raise ExtractionError(path, f"line 1: the XML declaration names an unknown encoding "
                              f"({exc}); save the file as UTF-8") from None
    return root, target.lines


def _check_root(path: Path, root: Element, lines: dict[int, int]) -> None:
    where = f"line {lines.get(id(root), 1)}"
    if root.tag != "iati-activities":
        raise ExtractionError(path, f"{where}: root element <{root.tag}> is not "
                              "<iati-activities>; only IATI activity files are read")
    version = root.get("version")
    if version not in SUPPORTED_VERSIONS:
        raise ExtractionError(path, f"{where}: <iati-activities version={version!r}> is not "
                              f"supported; coopgraph reads IATI {', '.join(SUPPORTED_VERSIONS)}")


# --- mapping ---------------------------------------------------------------------------------

@dataclass
class _Mapped:
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def _map_activity(path: Path, activity: Element, lines: dict[int, int],
                  table: TypeKeyedEntityTable) -> _Mapped:
    where = f"line {lines.get(id(activity), 0)}"
    identifier = (activity.findtext("iati-identifier") or "").strip()
    if not identifier:
        raise ExtractionError(path, f"{where}: <iati-activity> has no <iati-identifier>")
    lang = activity.get(_XML_LANG) or "en"
    title = _narrative(activity.find("title"), lang) or identifier
    project = table.add("Project", title, aliases=(identifier,))
    out = _Mapped()
    funders, implementers = _add_participants(path, activity, lines, lang, project, table, out)
    _add_reporting_org(activity, lang, table)  # after: a participant's name is the better label
    places = _add_places(activity, lang, table)
    sectors = [s for s in (_sector_text(e, lang) for e in activity.findall("sector")) if s]
    period = _period_event(path, activity, lines, identifier, title, project, sectors)
    if period is not None:
        out.events.append(Event(**{**period, "places": tuple(places),
                                   "organisers": tuple(implementers),
                                   "supporters": tuple(funders)}))
    return out


def _add_reporting_org(activity: Element, lang: str, table: TypeKeyedEntityTable) -> None:
    org = activity.find("reporting-org")
    if org is None:
        return
    name, ref = _narrative(org, lang), (org.get("ref") or "").strip()
    if name or ref:
        table.add("Organisation", name or ref, aliases=(ref,) if ref and name else (),
                  category=ORG_CATEGORIES.get(org.get("type") or ""))


def _add_participants(path: Path, activity: Element, lines: dict[int, int], lang: str,
                      project: str, table: TypeKeyedEntityTable, out: _Mapped
                      ) -> tuple[list[str], list[str]]:
    """Add participating organisations; return (funder ids, implementer ids).

    Raises:
        ExtractionError: a participating-org with neither a name nor a reference.
    """
    funders: list[str] = []
    implementers: list[str] = []
    for org in activity.findall("participating-org"):
        name, ref = _narrative(org, lang), (org.get("ref") or "").strip()
        if not name and not ref:
            raise ExtractionError(path, f"line {lines.get(id(org), 0)}: <participating-org> "
                                  "has neither a narrative name nor a @ref")
        ident = table.add("Organisation", name or ref, aliases=(ref,) if ref and name else (),
                          category=ORG_CATEGORIES.get(org.get("type") or ""))
        role = (org.get("role") or "").strip()
        label = f"participating-org role {role}: {name or ref}"
        if role == FUNDING_ROLE and ident not in funders:
            funders.append(ident)
            table.add_funder(project, ident)
            out.relations.append(Relation(project, "fundedBy", ident, evidence=label))
        elif role in IMPLEMENTING_ROLES and ident not in implementers:
            implementers.append(ident)
            table.add_implementer(project, ident)
            out.relations.append(Relation(project, "implementedBy", ident,
                                          evidence=f"{label} ({IMPLEMENTING_ROLES[role]})"))
    return funders, implementers


def _add_places(activity: Element, lang: str, table: TypeKeyedEntityTable) -> list[str]:
    """Recipient countries, then named locations (aimags where the gazetteer knows them)."""
    ids: list[str] = []
    for country in activity.findall("recipient-country"):
        name = _narrative(country, lang) or (country.get("code") or "").strip()
        if name:
            known = find_place(name)
            ident = add_place(table, name) if known else table.add(
                "Place", name, place_type="country")
            ids.append(ident)
    for location in activity.findall("location"):
        name = _narrative(location.find("name"), lang)
        if name:
            ids.append(add_place(table, name))
    return list(dict.fromkeys(ids))


def _period_event(path: Path, activity: Element, lines: dict[int, int], identifier: str,
                  title: str, project: str, sectors: list[str]) -> dict[str, Any] | None:
    """The project's period as the fields of an event of type "other", or None if undated.

    Raises:
        ExtractionError: an activity-date whose @iso-date is not a date.
    """
    dates: dict[str, str] = {}
    for d in activity.findall("activity-date"):
        raw = (d.get("iso-date") or "").strip()
        try:
            dates[d.get("type") or ""] = parse_iso_date(raw[:10])[0]
        except ValueError:
            raise ExtractionError(path, f"line {lines.get(id(d), 0)}: <activity-date "
                                  f"iso-date={raw!r}> is not a date (use YYYY-MM-DD)") from None
    start = next((dates[t] for t in _START_TYPES if t in dates), None)
    end = next((dates[t] for t in _END_TYPES if t in dates), None)
    if start is None and end is None:
        return None
    status_el = activity.find("activity-status")
    code = status_el.get("code", "") if status_el is not None else ""
    summary = f"IATI activity {identifier}: {title}"
    if sectors:
        summary += f". Sectors: {'; '.join(sectors)}"
    return {
        "id": f"{local_id(identifier)}-period", "title": f"Implementation of {title}",
        "type": "other", "start": start or end, "end": end or start,
        "date_precision": "day", "status": _STATUS.get(code, "unknown"),
        "projects": (project,), "evidence": summary,
    }


def _sector_text(sector: Element, lang: str) -> str:
    name = _narrative(sector, lang)
    code = (sector.get("code") or "").strip()
    return name or (f"sector {code}" if code else "")


def _narrative(element: Element | None, lang: str) -> str:
    """The element's narrative in ``lang`` (or with no language), else its first narrative."""
    if element is None:
        return ""
    texts = [(n.get(_XML_LANG), " ".join((n.text or "").split()))
             for n in element.findall("narrative")]
    texts = [(lg, t) for lg, t in texts if t]
    for lg, text in texts:
        if lg in (None, lang):
            return text
    return texts[0][1] if texts else ""


def _generated_date(root: Element) -> str | None:
    raw = (root.get("generated-datetime") or "")[:10]
    try:
        return parse_iso_date(raw)[0] if raw else None
    except ValueError:
        return None
