"""Issue 13: persons are listed for review after the retention period; erase or extend, each
logged in the audit trail."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from zz_desktop.services import consultations, organisations, persons, retention
from zz_desktop.store.database import Store
from zz_desktop.store.models import AuditEntry, Person


def test_review_list_extend_and_erase(store: Store) -> None:
    org = organisations.create_organisation(store, {"name": "Bäckerei Korn"})
    a = persons.create_person(store, {"first_name": "Ada", "last_name": "Alt", "gender": "female"})
    b = persons.create_person(store, {"first_name": "Bo", "last_name": "Berg", "gender": "male"})
    data = consultations.new_consultation_defaults(store, org.id)
    data["date"] = dt.date(2024, 3, 1)
    consultations.record_consultation(store, data, [b.id])
    store.set_setting(retention.MONTHS_SETTING, 12)
    store.set_setting(retention.ESF_END_SETTING, "2020-12-31")
    today = dt.date.today()
    later = today + dt.timedelta(days=800)
    # b: consulted 2024-03-01 -> review 2025-03-01; a: only recorded today -> in a year.
    due = {d.person_id: d for d in retention.due_for_review(store, today)}
    assert set(due) == {b.id}
    assert due[b.id].last_contact == dt.date(2024, 3, 1)
    assert due[b.id].review_on == dt.date(2025, 3, 1)
    assert {d.person_id for d in retention.due_for_review(store, later)} == {a.id, b.id}
    # The programme's documentation obligation comes first.
    store.set_setting(retention.ESF_END_SETTING, "2099-12-31")
    assert retention.due_for_review(store, later) == []
    store.set_setting(retention.ESF_END_SETTING, "2020-12-31")

    retention.extend(store, a.id, today + dt.timedelta(days=3650))
    assert [d.person_id for d in retention.due_for_review(store, later)] == [b.id]
    retention.erase(store, b.id)
    assert retention.due_for_review(store, later) == []
    with store.read() as s:
        assert s.get(Person, b.id).erased_at is not None
        actions = {
            (e.entity_id, e.action, e.detail)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.entity_id.in_([a.id, b.id])))
        }
    assert any(
        pid == a.id and (detail or "").startswith("retention extended")
        for pid, _, detail in actions
    )
    assert any(pid == b.id and action == "erase" for pid, action, _ in actions)
