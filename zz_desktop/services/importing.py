"""Importing contact lists: plan (map, validate, find duplicates), run (ONE transaction),
undo (soft delete of exactly the rows one import created), and saved column mappings.

An exact duplicate — the same first name, last name and postcode, the same e-mail, or the same
names at the same organisation — is never created twice: the row is linked to the existing
record (or to the record an earlier row of the same file creates). Organisations named alike
(legal form, case and umlauts aside) at the same postcode are reused the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from zz_desktop.domain import roles
from zz_desktop.errors import NotFound, UserError
from zz_desktop.i18n import t
from zz_desktop.importexport.mapping import apply_saved, check_mapping
from zz_desktop.importexport.report import Rejected, write_report
from zz_desktop.importexport.rows import RowData, convert, mapped_values
from zz_desktop.importexport.table import SourceRow, SourceTable
from zz_desktop.services import permissions
from zz_desktop.services.duplicates import (
    Candidate,
    OrgIndex,
    PersonIndex,
    org_rec,
    person_rec,
)
from zz_desktop.services.merge import referencing_columns
from zz_desktop.services.organisations import _derive as derive_organisation
from zz_desktop.store.base import Synced
from zz_desktop.store.bulk import insert_new
from zz_desktop.store.database import Store
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import Affiliation, Organisation, Person, Setting

MAPPING_PREFIX = "import.mapping."
BATCH_PREFIX = "import.batch."
Progress = Callable[[int, int], None]

NEW, DUPLICATE, REJECTED = "new", "duplicate", "rejected"
LINK, CREATE, SKIP = "link", "create", "skip"


@dataclass
class PlannedRow:
    number: int
    raw: list[str]
    data: RowData
    status: str  # new | duplicate | rejected
    #: The entity the row's decision is about: "person", or "organisation" for a company row.
    entity: str = "person"
    #: Exact match (existing id, or "row:N" for a record an earlier row creates).
    match: Candidate | None = None
    #: Existing organisation (or "row:N") the row's organisation is the same as.
    org_target: str | None = None
    #: Records that look alike but are not exact duplicates (shown in the wizard).
    similar: list[Candidate] = field(default_factory=list)
    decision: str = CREATE
    #: Where "link" points (the exact match by default; the wizard may pick a similar record).
    link_to: str | None = None

    @property
    def reasons(self) -> list[str]:
        return self.data.errors


@dataclass
class ImportPlan:
    table: SourceTable
    mapping: dict[str, str | None]
    rows: list[PlannedRow]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


@dataclass
class LinkNote:
    number: int
    entity: str
    target_id: str
    label: str
    reasons: tuple[str, ...]


@dataclass
class ImportResult:
    batch_id: str | None
    imported: int = 0
    linked: int = 0
    skipped: int = 0
    rejected: int = 0
    warnings: int = 0
    report_path: Path | None = None
    created: dict[str, list[str]] = field(default_factory=dict)
    links: list[LinkNote] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "imported": self.imported,
            "linked": self.linked,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "warnings": self.warnings,
            "report": str(self.report_path) if self.report_path else None,
            "created": {k: len(v) for k, v in self.created.items()},
            "links": [
                {"row": n.number, "entity": n.entity, "id": n.target_id, "label": n.label}
                for n in self.links
            ],
            "dry_run": self.dry_run,
        }


# ----------------------------------------------------------------------------- mappings


def save_mapping(store: Store, name: str, mapping: Mapping[str, str | None]) -> None:
    name = name.strip()
    if not name:
        raise UserError(t("A saved mapping needs a name."))
    store.set_setting(MAPPING_PREFIX + name, {h: (v or "") for h, v in mapping.items()})


def load_mapping(store: Store, name: str) -> dict[str, str | None]:
    value = store.get_setting(MAPPING_PREFIX + name.strip())
    if not isinstance(value, dict):
        names = ", ".join(mapping_names(store)) or "–"
        raise NotFound(
            t("There is no saved mapping {name} (saved: {names}).", name=name, names=names)
        )
    return {str(k): (str(v) if v else None) for k, v in value.items()}


def mapping_names(store: Store) -> list[str]:
    with store.read() as s:
        keys = s.scalars(select(Setting.key).where(Setting.key.like(MAPPING_PREFIX + "%")))
        return sorted(k[len(MAPPING_PREFIX) :] for k in keys)


def mapping_for(store: Store, table: SourceTable, name: str | None = None) -> dict[str, str | None]:
    """The saved mapping ``name`` applied to the table's headers, or the automatic guesses."""
    return apply_saved(table.headers, load_mapping(store, name) if name else None)


# ----------------------------------------------------------------------------- planning


def _label(data: Mapping[str, Any]) -> str:
    if "name" in data:
        return str(data["name"])
    return " ".join(str(data.get(k) or "") for k in ("first_name", "last_name")).strip()


def plan_import(
    store: Store,
    table: SourceTable,
    mapping: Mapping[str, str | None],
    progress: Progress | None = None,
) -> ImportPlan:
    """Validate every row and find its duplicates (in the database and earlier in the file)."""
    problems = check_mapping(mapping)
    if problems:
        raise UserError(problems[0])
    orgs, persons = OrgIndex.load(store), PersonIndex.load(store)
    planned: list[PlannedRow] = []
    total = len(table.rows)
    for i, src in enumerate(table.rows):
        planned.append(_plan_row(src, table, mapping, orgs, persons))
        if progress and (i % 200 == 0 or i == total - 1):
            progress(i + 1, total)
    return ImportPlan(table, dict(mapping), planned)


def _plan_row(
    src: SourceRow,
    table: SourceTable,
    mapping: Mapping[str, str | None],
    orgs: OrgIndex,
    persons: PersonIndex,
) -> PlannedRow:
    data = convert(mapped_values(table.headers, src.cells, mapping))
    if src.problem:
        data.errors.insert(0, src.problem)
    row = PlannedRow(src.number, src.raw, data, REJECTED if data.errors else NEW)
    if data.errors:
        return row
    pseudo = f"row:{src.number}"
    if data.organisation is not None:
        rec = org_rec(data.organisation, pseudo)
        found = orgs.find(rec)
        exact = next((c for c in found if c.exact), None)
        if exact is not None:
            row.org_target = exact.id
        else:
            orgs.add(rec)
            row.org_target = pseudo
            row.similar += [c for c in found if not c.id.startswith("row:")]
        if data.person is None:
            row.entity = "organisation"
            if exact is not None:
                row.status, row.match, row.decision, row.link_to = DUPLICATE, exact, LINK, exact.id
            return row
    assert data.person is not None
    rec_p = person_rec(data.person, pseudo, [row.org_target] if row.org_target else [])
    found_p = persons.find(rec_p)
    exact_p = next((c for c in found_p if c.exact), None)
    if exact_p is not None:
        row.status, row.match, row.decision, row.link_to = DUPLICATE, exact_p, LINK, exact_p.id
    else:
        persons.add(rec_p)
        row.similar += [c for c in found_p if not c.id.startswith("row:")]
    return row


# ----------------------------------------------------------------------------- running


def run_import(
    store: Store,
    plan: ImportPlan,
    report_path: Path | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Create what the plan's decisions say in ONE transaction and record the batch for undo;
    write the rejected rows to ``report_path``."""
    permissions.require(store, roles.IMPORT_RECORDS)
    result = ImportResult(None if dry_run else new_id(), dry_run=dry_run)
    rejected = [r for r in plan.rows if r.status == REJECTED]
    result.rejected = len(rejected)
    if rejected and report_path is not None:
        write_report(
            report_path,
            plan.table.headers,
            (Rejected(r.number, r.raw, r.data.errors) for r in rejected),
        )
        result.report_path = report_path
    with store.read() as s:
        existing_links = {
            (r[0], r[1])
            for r in s.execute(
                select(Affiliation.person_id, Affiliation.organisation_id).where(
                    Affiliation.deleted.is_(False)
                )
            )
        }
    # "row:N" → the id created for that row's organisation / person.
    resolved_orgs: dict[str, str] = {}
    resolved: dict[str, str] = {}
    new_orgs: list[Synced] = []
    new_persons: list[Synced] = []
    new_links: list[Synced] = []
    total = len(plan.rows)
    for i, row in enumerate(plan.rows):
        if progress and (i % 200 == 0 or i == total - 1):
            progress(i + 1, total)
        if row.status == REJECTED:
            continue
        result.warnings += len(row.data.warnings)
        if row.decision == SKIP:
            result.skipped += 1
            continue
        pseudo = f"row:{row.number}"
        org_id = None
        org_created = False
        if row.data.organisation is not None:
            target = row.org_target
            force = row.entity == "organisation" and row.decision == CREATE
            if row.entity == "organisation" and row.decision == LINK:
                target = row.link_to or target
            if target and not force and not target.startswith("row:"):
                org_id = target
            elif target and not force and target in resolved_orgs:
                org_id = resolved_orgs[target]
            else:
                values = dict(row.data.organisation)
                values |= derive_organisation(values)
                org = Organisation(**values)
                new_orgs.append(org)
                org_id, org_created = org.id, True
                resolved_orgs[pseudo] = org.id
                if target and target != pseudo:
                    resolved_orgs.setdefault(target, org.id)
        if row.entity == "organisation":
            if org_created:
                result.imported += 1
            else:
                result.linked += 1
                _note(result, row, "organisation", org_id)
            continue
        assert row.data.person is not None
        person_id = None
        target = row.link_to if row.decision == LINK else None
        if target and not target.startswith("row:"):
            person_id = target
        elif target and target in resolved:
            person_id = resolved[target]
        if person_id is None:
            person = Person(**row.data.person)
            new_persons.append(person)
            person_id = person.id
            resolved[pseudo] = person.id
            if target:
                resolved.setdefault(target, person.id)
            result.imported += 1
        else:
            result.linked += 1
            _note(result, row, "person", person_id)
        if org_id and (person_id, org_id) not in existing_links:
            existing_links.add((person_id, org_id))
            new_links.append(
                Affiliation(
                    person_id=person_id,
                    organisation_id=org_id,
                    function_title=row.data.function_title,
                )
            )
    result.created = {
        "organisation": [o.id for o in new_orgs],
        "person": [p.id for p in new_persons],
        "affiliation": [a.id for a in new_links],
    }
    if dry_run:
        return result
    with store.write() as session:
        insert_new(session, [*new_orgs, *new_persons, *new_links], store.actor)
        session.add(
            Setting(
                key=BATCH_PREFIX + str(result.batch_id),
                value={
                    "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "source": plan.table.path.name if plan.table.path else None,
                    "rows": len(plan.rows),
                    "created": result.created,
                    "undone_at": None,
                },
            )
        )
    return result


def _note(result: ImportResult, row: PlannedRow, entity: str, target_id: str | None) -> None:
    match = row.match
    linked_to_match = match is not None and match.id in (target_id, row.link_to)
    label = match.label if match is not None and linked_to_match else ""
    if not label and row.similar:
        label = next((c.label for c in row.similar if c.id == target_id), "")
    reasons = match.reasons if match is not None else ()
    if not label:
        data = row.data.person if entity == "person" else row.data.organisation
        label = _label(data or {})
    result.links.append(LinkNote(row.number, entity, str(target_id), label, reasons))


# ----------------------------------------------------------------------------- undo

_UNDO_ORDER = ("affiliation", "person", "organisation")
_MODELS: dict[str, type[Synced]] = {
    "affiliation": Affiliation,
    "person": Person,
    "organisation": Organisation,
}


def import_batches(store: Store) -> list[dict[str, Any]]:
    with store.read() as s:
        rows = s.execute(
            select(Setting.key, Setting.value).where(Setting.key.like(BATCH_PREFIX + "%"))
        )
        return sorted(
            ({"id": k[len(BATCH_PREFIX) :], **(v or {})} for k, v in rows),
            key=lambda b: str(b.get("created_at")),
        )


def undo_import(store: Store, batch_id: str) -> dict[str, int]:
    """Soft-delete exactly the rows the import ``batch_id`` created (one transaction; each
    deletion syncs as an ordinary op). Refused when other records now refer to them."""
    permissions.require(store, roles.IMPORT_RECORDS)
    key = BATCH_PREFIX + batch_id.strip()
    with store.write() as session:
        setting = session.get(Setting, key)
        if setting is None or not isinstance(setting.value, dict):
            raise NotFound(t("There is no import {id}.", id=batch_id))
        batch = dict(setting.value)
        if batch.get("undone_at"):
            raise UserError(t("The import {id} has already been undone.", id=batch_id))
        created: dict[str, list[str]] = batch.get("created") or {}
        ours = {i for ids in created.values() for i in ids}
        for entity in ("person", "organisation"):
            ids = created.get(entity) or []
            for ref_model, column in referencing_columns(_MODELS[entity]):
                col = getattr(ref_model, column)
                for start in range(0, len(ids), 500):
                    refs = session.scalars(
                        select(ref_model.id).where(
                            col.in_(ids[start : start + 500]), ref_model.deleted.is_(False)
                        )
                    ).all()
                    if any(r not in ours for r in refs):
                        raise UserError(
                            t(
                                "The import {id} cannot be undone: records made since then "
                                "refer to its contacts. Delete or merge them individually.",
                                id=batch_id,
                            )
                        )
        counts: dict[str, int] = {}
        for entity in _UNDO_ORDER:
            ids = created.get(entity) or []
            model = _MODELS[entity]
            n = 0
            for start in range(0, len(ids), 500):
                for obj in session.scalars(
                    select(model).where(
                        model.id.in_(ids[start : start + 500]), model.deleted.is_(False)
                    )
                ):
                    obj.deleted = True
                    n += 1
            counts[entity] = n
        batch["undone_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        setting.value = batch
    return counts
