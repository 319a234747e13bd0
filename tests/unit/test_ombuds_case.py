"""Issue 14 (session 4): the ombuds case kind of the Haus der Selbstständigen — its states
received → in clarification → mediated → closed, checked in the domain and by the service that
saves the consultation form (a skipped or backward step is refused, nothing is stored)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zz_desktop.domain import ombuds
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import consultations, organisations
from zz_desktop.store.database import Store


def test_workflow_in_the_domain() -> None:
    assert ombuds.choices(None) == ["received"]
    assert ombuds.choices("received") == ["received", "in_clarification", "closed"]
    assert ombuds.choices("mediated") == ["mediated", "closed"]
    assert ombuds.choices("closed") == ["closed"]
    assert ombuds.check("ombuds", None, "received") is None
    assert ombuds.check("ombuds", None, "mediated")  # a new case starts as received
    assert ombuds.check("ombuds", "received", "in_clarification") is None
    assert ombuds.check("ombuds", "received", "mediated")  # clarification is not skipped
    assert ombuds.check("ombuds", "in_clarification", "received")  # no step back
    assert ombuds.check("ombuds", "in_clarification", "closed") is None  # closed at any step
    assert ombuds.check("ombuds", "closed", "in_clarification")  # closed stays closed
    assert ombuds.check("signposting", None, "received")  # only an ombuds case has a state
    assert ombuds.check("signposting", None, None) is None


def _form(store: Store) -> dict[str, object]:
    org = organisations.create_organisation(store, {"name": "Lena Kühn, Grafikdesign"})
    return consultations.new_consultation_defaults(store, org.id) | {
        "date": dt.date(2026, 3, 2),
        "kind": "ombuds",
        "title": "Honorar für Logo nicht gezahlt (Plattform)",
    }


def test_the_form_service_walks_the_states(store: Store) -> None:
    saved = consultations.save(store, None, _form(store), []).consultation
    assert saved.ombuds_state == "received"  # a new case starts there
    with pytest.raises(ValidationFailed) as err:
        consultations.save(store, saved.id, {"ombuds_state": "mediated"}, [])
    assert set(err.value.errors) == {"ombuds_state"}
    for state in ("in_clarification", "mediated", "closed"):
        saved = consultations.save(store, saved.id, {"ombuds_state": state}, []).consultation
        assert saved.ombuds_state == state
    with pytest.raises(ValidationFailed):
        consultations.save(store, saved.id, {"ombuds_state": "in_clarification"}, [])
    # Another kind carries no state: changing the kind away clears it.
    other = consultations.save(store, saved.id, {"kind": "signposting"}, []).consultation
    assert other.ombuds_state is None


def test_record_consultation_starts_a_case(store: Store) -> None:
    created = consultations.record_consultation(store, _form(store)).consultation
    assert created.ombuds_state == "received"


def test_migration_starts_existing_cases_as_received(tmp_path: Path) -> None:
    """0007_s4_14 on a profile with consultations: ombuds cases get "received", every
    consultation an empty checklist list."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from zz_desktop.store.migrate import alembic_config

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0006_i11")
        for cid, kind in (("c1", "ombuds"), ("c2", "signposting")):
            conn.execute(
                text(
                    "INSERT INTO consultation (id, date, duration_min, mode, kind, status, "
                    "esf_counting, advisor_ids, topics, created_at, updated_at, deleted) VALUES "
                    "(:id, '2026-03-02', 60, 'on_site', :kind, 'draft', 'entity', '[]', '[]', "
                    "'2026-03-02 10:00:00', '2026-03-02 10:00:00', 0)"
                ),
                {"id": cid, "kind": kind},
            )
        command.upgrade(alembic_config(conn), "head")
        rows = conn.execute(
            text("SELECT id, ombuds_state, checklists FROM consultation ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows] == [("c1", "received", "[]"), ("c2", None, "[]")]
