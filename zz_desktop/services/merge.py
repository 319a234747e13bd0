"""Merging two organisations or two persons into one.

The survivor takes, field by field, its own value or the other record's; every row that
references the other record (found from the SQLAlchemy metadata, so a new table cannot be
forgotten) moves to the survivor; link rows that become doubled (the same person twice in one
consultation) are folded into one; the other record is soft-deleted. All of it is ONE write
transaction, so it syncs as ordinary ops, plus an audit entry "merge" naming the two ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zz_desktop.domain import roles
from zz_desktop.domain.validation import validate_organisation, validate_person
from zz_desktop.errors import UserError, ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import permissions, records
from zz_desktop.services.organisations import _derive as derive_organisation
from zz_desktop.store.base import Base, Synced, utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import SYNCED_MODELS, AuditEntry, Organisation, Person

#: Columns that belong to the row, not to the record's content.
NOT_MERGED = frozenset(
    {"id", "centre_id", "created_at", "updated_at", "created_by", "updated_by", "server_seq"}
    | {"deleted", "erased_at", "sme_class"}
)
#: Link tables: after a merge, two live rows with the same values here are one.
LINK_KEYS: dict[str, tuple[str, ...]] = {
    "affiliation": ("person_id", "organisation_id"),
    "consultation_participant": ("consultation_id", "person_id"),
    "participation": ("event_id", "person_id"),
    "selfemployed_profile": ("person_id",),
}
_QUESTIONNAIRE_RANK = {"missing": 0, "incomplete": 1, "complete": 2}

Choice = str  # "survivor" | "other"


@dataclass
class MergeResult:
    survivor_id: str
    other_id: str
    #: table → number of rows that now point to the survivor.
    moved: dict[str, int] = field(default_factory=dict)
    #: table → number of doubled link rows folded into one.
    folded: dict[str, int] = field(default_factory=dict)


def referencing_columns(model: type[Synced]) -> list[tuple[type[Synced], str]]:
    """Every (model, column) whose foreign key points at ``model``'s table."""
    target = model.__table__  # type: ignore[attr-defined]
    by_table = {m.__tablename__: m for m in SYNCED_MODELS.values()}  # type: ignore[attr-defined]
    found: list[tuple[type[Synced], str]] = []
    for table in Base.metadata.sorted_tables:
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.key):
            if fk.column.table is not target:
                continue
            referencing = by_table.get(table.name)
            if referencing is None:
                raise RuntimeError(f"{table.name}.{fk.parent.key} is not a synced table")
            found.append((referencing, fk.parent.key))
    return found


def mergeable_fields(model: type[Synced]) -> list[str]:
    return [c.key for c in model.__table__.columns if c.key not in NOT_MERGED]  # type: ignore[attr-defined]


#: The entities that can be merged, by the name the GUI uses.
MERGEABLE: dict[str, type[Synced]] = {"organisation": Organisation, "person": Person}


@dataclass(frozen=True)
class MergeSides:
    """Two records of one entity as plain values, and the fields a merge chooses between:
    what the side-by-side merge dialog shows."""

    entity: str
    records: tuple[dict[str, Any], dict[str, Any]]
    fields: tuple[str, ...]


def sides(store: Store, entity: str, first_id: str, second_id: str) -> MergeSides:
    """Both records of a proposed pair (two keyed reads, fast enough for the GUI thread)."""
    model = MERGEABLE[entity]
    with store.read() as session:
        pair = tuple(
            records.current_values(records.get(session, model, rid, include_deleted=True))
            for rid in (first_id, second_id)
        )
    return MergeSides(entity, (pair[0], pair[1]), tuple(mergeable_fields(model)))


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def merged_values(
    model: type[Synced], survivor: Any, other: Any, choices: Mapping[str, Choice]
) -> dict[str, Any]:
    """The survivor's new field values. Without a choice a field keeps the survivor's value,
    or takes the other's where the survivor has none; tags are united."""
    fields = mergeable_fields(model)
    unknown = sorted(set(choices) - set(fields))
    if unknown:
        raise UserError(t("These fields cannot be merged: {fields}.", fields=", ".join(unknown)))
    values: dict[str, Any] = {}
    for name in fields:
        mine, theirs = getattr(survivor, name), getattr(other, name)
        choice = choices.get(name)
        if choice == "other":
            values[name] = theirs
        elif choice == "survivor":
            values[name] = mine
        elif choice is not None:
            raise UserError(t("Choose 'survivor' or 'other' for {field}.", field=name))
        elif isinstance(mine, list) and isinstance(theirs, list):
            values[name] = mine + [x for x in theirs if x not in mine]
        else:
            values[name] = theirs if _blank(mine) else mine
    return values


def _fill_blanks(kept: Any, dropped: Any) -> None:
    for name in mergeable_fields(type(kept)):
        mine, theirs = getattr(kept, name), getattr(dropped, name)
        if name in ("entry_questionnaire", "exit_questionnaire"):
            if _QUESTIONNAIRE_RANK.get(theirs, 0) > _QUESTIONNAIRE_RANK.get(mine, 0):
                setattr(kept, name, theirs)
        elif name == "attended_hours" and mine is not None and theirs is not None:
            setattr(kept, name, max(mine, theirs))
        elif _blank(mine) and not _blank(theirs):
            setattr(kept, name, theirs)


def _move_references(
    session: Session, model: type[Synced], survivor_id: str, other_id: str, result: MergeResult
) -> None:
    for ref_model, column in referencing_columns(model):
        col = getattr(ref_model, column)
        moved = list(session.scalars(select(ref_model).where(col == other_id)))
        for row in moved:
            setattr(row, column, survivor_id)
        if moved:
            name = ref_model.__tablename__  # type: ignore[attr-defined]
            result.moved[name] = result.moved.get(name, 0) + len(moved)
        key = LINK_KEYS.get(ref_model.__tablename__)  # type: ignore[attr-defined]
        if key is None or column not in key:
            continue
        session.flush()
        live = session.scalars(
            select(ref_model)
            .where(col == survivor_id, ref_model.deleted.is_(False))
            .order_by(ref_model.created_at, ref_model.id)
        ).all()
        moved_ids = {r.id for r in moved}
        groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
        for row in live:
            groups[tuple(getattr(row, k) for k in key)].append(row)
        for rows in groups.values():
            if len(rows) < 2:
                continue
            # Keep the survivor's own row; fold the moved ones into it.
            rows.sort(key=lambda r: r.id in moved_ids)
            kept = rows[0]
            for dropped in rows[1:]:
                _fill_blanks(kept, dropped)
                dropped.deleted = True
                name = ref_model.__tablename__  # type: ignore[attr-defined]
                result.folded[name] = result.folded.get(name, 0) + 1


def _merge(
    store: Store,
    model: type[Synced],
    survivor_id: str,
    other_id: str,
    choices: Mapping[str, Choice],
    validate: Callable[[Mapping[str, Any]], dict[str, str]],
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> MergeResult:
    if survivor_id == other_id:
        raise UserError(t("A record cannot be merged with itself."))
    result = MergeResult(survivor_id, other_id)
    with store.write() as session:
        survivor = records.get(session, model, survivor_id)
        other = records.get(session, model, other_id)
        if getattr(survivor, "erased_at", None) or getattr(other, "erased_at", None):
            raise UserError(t("An erased person cannot be merged."))
        values = merged_values(model, survivor, other, choices)
        full = records.current_values(survivor) | values
        if derive is not None:
            extra = derive(full)
            values |= extra
            full |= extra
        if errors := validate(full):
            raise ValidationFailed(errors)
        for name, value in values.items():
            if getattr(survivor, name) != value:
                setattr(survivor, name, value)
        _move_references(session, model, survivor_id, other_id, result)
        other.deleted = True
        session.add(
            AuditEntry(
                user_id=store.actor.user_id,
                at=utcnow(),
                action="merge",
                entity=model.__entity__,
                entity_id=survivor_id,
                detail=f"merged={other_id}",
            )
        )
    return result


def merge_organisations(
    store: Store, survivor_id: str, other_id: str, choices: Mapping[str, Choice] | None = None
) -> MergeResult:
    """Merge organisation ``other_id`` into ``survivor_id`` (see the module docstring)."""
    permissions.require(store, roles.MERGE_RECORDS)
    return _merge(
        store,
        Organisation,
        survivor_id,
        other_id,
        choices or {},
        validate_organisation,
        derive_organisation,
    )


def merge_persons(
    store: Store, survivor_id: str, other_id: str, choices: Mapping[str, Choice] | None = None
) -> MergeResult:
    """Merge person ``other_id`` into ``survivor_id`` (see the module docstring)."""
    permissions.require(store, roles.MERGE_RECORDS)
    return _merge(store, Person, survivor_id, other_id, choices or {}, validate_person)
