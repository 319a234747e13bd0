"""GDPR: the access report covers every person-linked table; erasure leaves no personal value
in the database, its outbox, its search index or its conflicts, and syncs as an erase op."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select, text

from zz_desktop.services import (
    consents,
    consultations,
    events,
    organisations,
    persons,
    privacy,
    questionnaires,
)
from zz_desktop.store import search
from zz_desktop.store.database import Store
from zz_desktop.store.models import Conflict, OutboxOp, Person, Questionnaire


def _person_with_everything(store: Store) -> str:
    org = organisations.create_organisation(store, {"name": "Pflegedienst Sonnenschein gGmbH"})
    p = persons.create_person(
        store,
        {
            "first_name": "Gülsen",
            "last_name": "Yıldırım",
            "email": "g.yildirim@example.de",
            "postcode": "39104",
            "gender": "female",
            "birth_year": 1975,
            "employment_status": "employed",
        },
        organisation_id=org.id,
        function_title="Pflegedienstleitung",
    )
    persons.save_selfemployed_profile(
        store, p.id, {"occupation": "Pflegeberatung", "notes": "arbeitet nachts"}
    )
    consultations.record_consultation(
        store, consultations.new_consultation_defaults(store, org.id), [p.id]
    )
    ev = events.create_event(
        store, {"title": "Digitale Pflegedoku", "type": "workshop", "start_date": dt.date.today()}
    )
    events.add_participant(store, ev.id, p.id, entry_questionnaire="complete")
    consents.give_consent(store, {"person_id": p.id, "purpose": "contact_data"})
    questionnaires.record(
        store,
        p.id,
        "entry",
        {"gender": "female", "birth_year": 1975, "homeless": "no", "education": "isced_3_4"},
        dt.date.today(),
    )
    with store.write() as s:
        s.add(
            Conflict(
                entity="person",
                entity_id=p.id,
                field="email",
                value_current="g.yildirim@example.de",
                value_other="gy@example.de",
            )
        )
    return p.id


def test_access_report_covers_every_person_linked_table(store: Store) -> None:
    pid = _person_with_everything(store)
    report = privacy.access_report(store, pid)
    records = report["records"]
    linked = privacy.person_linked_tables()
    assert linked, "the schema has person-linked tables"
    missing = {name for name in linked if not records.get(name)}
    assert missing == set(), f"person-linked tables missing from the Art. 15 report: {missing}"
    assert records["person"][0]["last_name"] == "Yıldırım"
    assert records["organisation"][0]["name"] == "Pflegedienst Sonnenschein gGmbH"
    assert {m.__tablename__ for m in privacy.PERSON_LINKED} == linked


def test_erase_leaves_no_personal_value(store: Store) -> None:
    pid = _person_with_everything(store)
    privacy.erase_person(store, pid)
    with store.read() as s:
        person = s.get(Person, pid)
        assert person.first_name is None and person.last_name is None and person.email is None
        assert person.erased_at is not None
        # Statistics keep gender, employment and education; the birth year and the ESF
        # disadvantage answers identify the person (issue 13) and are blanked.
        assert (person.gender, person.employment_status) == ("female", "employed")
        assert person.birth_year is None and person.disability is None
        # The entry questionnaire keeps what the statistics need, not what identifies.
        answer = s.scalars(select(Questionnaire)).one()
        assert (answer.birth_year, answer.age_at_entry, answer.homeless) == (None, None, None)
        assert (answer.gender, answer.education) == ("female", "isced_3_4")
        q_ops = s.scalars(select(OutboxOp).where(OutboxOp.entity_id == answer.id)).all()
        assert q_ops[-1].kind == "erase"
        assert search.search(s, "Yıldırım") == [] and search.search(s, "Gülsen") == []
        ops = s.scalars(select(OutboxOp).where(OutboxOp.entity_id == pid)).all()
        assert ops[-1].kind == "erase" and ops[-1].fields == {}
        dump = json.dumps([o.fields for o in s.scalars(select(OutboxOp))], ensure_ascii=False)
        for value in ("Gülsen", "Yıldırım", "g.yildirim@example.de", "arbeitet nachts"):
            assert value not in dump
        conflict = s.scalars(select(Conflict)).one()
        assert conflict.value_current is None and conflict.value_other is None
        fts = (
            s.execute(
                text("SELECT group_concat(title || ' ' || body, ' ') FROM search_index")
            ).scalar()
            or ""
        )
        assert "Gülsen" not in fts


def test_erase_twice_is_a_clear_error(store: Store) -> None:
    pid = _person_with_everything(store)
    privacy.erase_person(store, pid)
    import pytest

    from zz_desktop.errors import UserError

    with pytest.raises(UserError):
        privacy.erase_person(store, pid)


def test_restoring_an_older_backup_erases_again(store: Store) -> None:
    from zz_desktop.services import erasure
    from zz_desktop.store.database import open_store

    pid = _person_with_everything(store)
    old = store.backup("before")
    report = privacy.erase_person(store, pid)
    assert report.backups == [old.name]
    listed = json.loads((store.backup_dir / erasure.ERASURE_LOG).read_text("utf-8"))
    assert listed[0]["person_id"] == pid and listed[0]["backups"] == [old.name]
    path = store.profile_dir
    store.restore(old)
    restored = open_store(path)
    try:
        with restored.read() as s:
            assert s.get(Person, pid).erased_at is None  # the old backup still has the person
        assert erasure.reapply_after_restore(restored) == 1
        with restored.read() as s:
            person = s.get(Person, pid)
            assert person.erased_at is not None and person.last_name is None
    finally:
        restored.close()


def test_replace_policy_rewrites_older_backups(store: Store) -> None:
    pid = _person_with_everything(store)
    old = store.backup("before")
    store.set_setting("privacy.backup_policy", "replace")
    report = privacy.erase_person(store, pid)
    assert report.backups == [old.name] and not old.exists()
    fresh = list(store.backup_dir.glob("*-erasure.zzbak"))
    assert len(fresh) == 1
