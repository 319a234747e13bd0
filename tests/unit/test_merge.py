"""Merging organisations and persons: field choices, every reference moves (discovered from the
metadata — a new table cannot be forgotten), doubled links fold, one transaction, audit "merge"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, select
from sqlalchemy.sql.sqltypes import JSON

from zz_desktop.errors import UserError
from zz_desktop.services import merge
from zz_desktop.store.base import Base, Synced
from zz_desktop.store.database import Store
from zz_desktop.store.models import (
    SYNCED_MODELS,
    Affiliation,
    AuditEntry,
    Consultation,
    ConsultationParticipant,
    Event,
    Organisation,
    OutboxOp,
    Participation,
    Person,
    SelfEmployedProfile,
)


def _add(store: Store, *objs: Any) -> None:
    with store.write() as s:
        for obj in objs:
            s.add(obj)
            s.flush()


def test_references_are_discovered_from_the_metadata() -> None:
    expected_org = {
        (m.__tablename__, fk.parent.key)  # type: ignore[attr-defined]
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_keys
        if fk.column.table.name == "organisation"
        for m in SYNCED_MODELS.values()
        if m.__tablename__ == t.name  # type: ignore[attr-defined]
    }
    found = {(m.__tablename__, c) for m, c in merge.referencing_columns(Organisation)}  # type: ignore[attr-defined]
    assert found == expected_org
    assert {("consultation", "organisation_id"), ("affiliation", "organisation_id")} <= found
    persons = {(m.__tablename__, c) for m, c in merge.referencing_columns(Person)}  # type: ignore[attr-defined]
    assert {
        ("affiliation", "person_id"),
        ("consultation", "person_id"),
        ("consultation_participant", "person_id"),
        ("participation", "person_id"),
        ("consent", "person_id"),
        ("selfemployed_profile", "person_id"),
    } <= persons


def _dummy(model: type[Synced], parents: dict[str, str], **fixed: Any) -> Any:
    """A row of ``model`` with every required column filled (works for tables added later)."""
    values: dict[str, Any] = {}
    for col in model.__table__.columns:  # type: ignore[attr-defined]
        if col.key in fixed or col.key in Synced.__annotations__ or col.default is not None:
            continue
        if col.foreign_keys:
            target = next(iter(col.foreign_keys)).column.table.name
            # An optional link to a table the test does not fill stays empty.
            values[col.key] = parents.get(target) if col.nullable else parents[target]
        elif col.nullable:
            continue
        elif isinstance(col.type, DateTime):
            values[col.key] = dt.datetime(2025, 1, 1)
        elif isinstance(col.type, Date):
            values[col.key] = dt.date(2025, 1, 1)
        elif isinstance(col.type, Boolean):
            values[col.key] = False
        elif isinstance(col.type, Integer | Float):
            values[col.key] = 1
        elif isinstance(col.type, JSON):
            values[col.key] = []
        else:
            values[col.key] = "x"
    return model(**(values | fixed))


@pytest.mark.parametrize("entity", ["organisation", "person"])
def test_every_referencing_table_moves_to_the_survivor(store: Store, entity: str) -> None:
    model = SYNCED_MODELS[entity]
    parents: dict[str, str] = {}
    survivor = _dummy(
        model, parents, **({"name": "A"} if entity == "organisation" else {"last_name": "A"})
    )
    other = _dummy(
        model, parents, **({"name": "B"} if entity == "organisation" else {"last_name": "B"})
    )
    org, person = Organisation(name="Dritte"), Person(last_name="Dritte")
    event = Event(title="E", start_date=dt.date(2025, 1, 1))
    consultation = Consultation(date=dt.date(2025, 1, 1))
    _add(store, survivor, other, org, person, event, consultation)
    parents.update(
        organisation=org.id, person=person.id, event=event.id, consultation=consultation.id
    )
    parents[entity] = other.id
    rows = []
    for ref_model, column in merge.referencing_columns(model):
        rows.append((ref_model, _dummy(ref_model, parents, **{column: other.id}), column))
    _add(store, *[r for _, r, _ in rows])
    result = getattr(merge, f"merge_{entity}s")(store, survivor.id, other.id, {})
    with store.read() as s:
        for ref_model, row, column in rows:
            assert getattr(s.get(ref_model, row.id), column) == survivor.id, ref_model
        assert s.get(model, other.id).deleted
    assert sum(result.moved.values()) == len(rows)


def test_merge_keeps_every_consultation_and_chosen_fields(store: Store) -> None:
    a = Organisation(name="Müller Metallbau GmbH", postcode="06108", city="Halle", tags=["KI"])
    b = Organisation(
        name="Mueller Metallbau", postcode="06108", email="info@mm.de", employees=12, tags=["Netz"]
    )
    p = Person(first_name="Anna", last_name="Weiß")
    _add(store, a, b, p)
    consults = [
        Consultation(date=dt.date(2025, 1, i + 1), organisation_id=o.id)
        for i, o in enumerate([a, a, b, b, b])
    ]
    _add(
        store,
        *consults,
        Affiliation(person_id=p.id, organisation_id=a.id),
        Affiliation(person_id=p.id, organisation_id=b.id, function_title="GF"),
    )
    with store.read() as s:
        ops_before = s.scalar(select(OutboxOp.seq).order_by(OutboxOp.seq.desc()).limit(1))
    result = merge.merge_organisations(store, a.id, b.id, {"name": "other", "city": "survivor"})
    with store.read() as s:
        merged = s.get(Organisation, a.id)
        assert merged.name == "Mueller Metallbau"
        assert (merged.city, merged.email, merged.employees) == ("Halle", "info@mm.de", 12)
        assert merged.tags == ["KI", "Netz"]
        assert merged.sme_class == "small"  # 12 staff
        assert s.get(Organisation, b.id).deleted
        consultations = s.scalars(
            select(Consultation).where(
                Consultation.organisation_id == a.id, Consultation.deleted.is_(False)
            )
        ).all()
        assert len(consultations) == 5
        links = s.scalars(select(Affiliation).where(Affiliation.deleted.is_(False))).all()
        assert len(links) == 1 and links[0].function_title == "GF"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "merge")).one()
        assert (audit.entity, audit.entity_id, audit.detail) == (
            "organisation",
            a.id,
            f"merged={b.id}",
        )
        new_ops = s.scalars(select(OutboxOp).where(OutboxOp.seq > ops_before)).all()
        assert any(op.kind == "delete" and op.entity_id == b.id for op in new_ops)
        assert any(op.entity_id == audit.id for op in new_ops)
    assert result.moved == {"affiliation": 1, "consultation": 3}
    assert result.folded == {"affiliation": 1}


def test_merge_persons_folds_doubled_links(store: Store) -> None:
    a, b = (
        Person(first_name="Anna", last_name="Weiß", postcode="06108"),
        Person(first_name="Anna", last_name="Weiss", email="a@w.de", birth_year=1980),
    )
    event = Event(title="Workshop", start_date=dt.date(2025, 2, 1))
    c = Consultation(date=dt.date(2025, 1, 1), person_id=b.id)
    _add(store, a, b, event)
    c = Consultation(date=dt.date(2025, 1, 1), person_id=b.id)
    _add(store, c)
    _add(
        store,
        ConsultationParticipant(consultation_id=c.id, person_id=a.id),
        ConsultationParticipant(consultation_id=c.id, person_id=b.id),
        Participation(event_id=event.id, person_id=a.id, attended_hours=2.0),
        Participation(
            event_id=event.id, person_id=b.id, attended_hours=4.0, entry_questionnaire="complete"
        ),
        SelfEmployedProfile(person_id=a.id, occupation="Grafik"),
        SelfEmployedProfile(person_id=b.id, since_year=2015),
    )
    result = merge.merge_persons(store, a.id, b.id)
    with store.read() as s:
        merged = s.get(Person, a.id)
        assert (merged.email, merged.birth_year, merged.postcode) == ("a@w.de", 1980, "06108")
        assert s.get(Consultation, c.id).person_id == a.id
        parts = s.scalars(select(Participation).where(Participation.deleted.is_(False))).all()
        assert len(parts) == 1
        assert (parts[0].attended_hours, parts[0].entry_questionnaire) == (4.0, "complete")
        profiles = s.scalars(
            select(SelfEmployedProfile).where(SelfEmployedProfile.deleted.is_(False))
        ).all()
        assert [(p.occupation, p.since_year) for p in profiles] == [("Grafik", 2015)]
    assert result.folded == {
        "consultation_participant": 1,
        "participation": 1,
        "selfemployed_profile": 1,
    }


def test_merge_refusals(store: Store) -> None:
    a, b = Organisation(name="A"), Organisation(name="B")
    _add(store, a, b)
    with pytest.raises(UserError):
        merge.merge_organisations(store, a.id, a.id)
    with pytest.raises(UserError):
        merge.merge_organisations(store, a.id, b.id, {"id": "other"})
    with pytest.raises(UserError):
        merge.merge_organisations(store, a.id, b.id, {"name": "beide"})
    with store.read() as s:
        assert not s.get(Organisation, b.id).deleted
