"""The services the GUI calls instead of running SQL itself (issue 10, deliverable 1): each one is
one use case in a read or write of its own, and gives plain values, never a session."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from zz_desktop.errors import NotFound
from zz_desktop.reports.queries import reference
from zz_desktop.services import (
    consultations,
    finder,
    history,
    merge,
    organisations,
    persons,
    profiles,
    records,
    sync_service,
)
from zz_desktop.store.capture import Actor
from zz_desktop.store.database import DEFAULT_BACKUP_DAYS, Store, open_store
from zz_desktop.store.models import AppUser, AuditEntry, Centre, Conflict, OutboxOp, Topic


def _org(store: Store, name: str = "Tischlerei Weißenfels GmbH", **extra: object) -> str:
    data = {"name": name, "postcode": "06667", "city": "Weißenfels"}
    return organisations.create_organisation(store, data | extra).id


def test_counts_are_the_pending_ops_and_the_open_conflicts(store: Store) -> None:
    org_id = _org(store)
    with store.read() as s:
        pending = s.scalar(select(func.count()).select_from(OutboxOp))
    assert pending and pending > 0
    assert sync_service.counts(store) == (pending, 0)
    with store.write() as s:
        for status, deleted in (("open", False), ("open", True), ("resolved", False)):
            s.add(
                Conflict(
                    entity="organisation",
                    entity_id=org_id,
                    field="city",
                    value_current="Weißenfels",
                    value_other="Weissenfels",
                    status=status,
                    deleted=deleted,
                )
            )
    # Only the open one that is not deleted counts; conflicts are not themselves sent.
    assert sync_service.counts(store)[1] == 1


def test_history_names_the_user_and_the_fields_never_the_values(store: Store) -> None:
    org_id = _org(store)
    organisations.update_organisation(store, org_id, {"city": "Leuna", "phone": "03443 1234"})
    lines = history.record_history(store, org_id)
    assert [x.action for x in lines] == ["update", "create"]
    newest = lines[0]
    with store.read() as s:
        name = s.scalar(select(AppUser.display_name).where(AppUser.id == store.actor.user_id))
    assert newest.who == name
    assert "city" in newest.fields and "phone" in newest.fields and ", " in newest.fields
    assert "Leuna" not in repr(lines)
    assert history.record_history(store, "no-such-record") == []


def test_history_within_one_millisecond_shows_the_later_write_first(store: Store) -> None:
    org_id = _org(store)
    organisations.update_organisation(store, org_id, {"city": "Leuna"})
    with store.write() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == org_id)).all()
        at = entries[0].at
        for e in entries:
            e.at = at  # as when both writes fall into the same millisecond
    assert [x.action for x in history.record_history(store, org_id)] == ["update", "create"]


def test_history_of_an_unknown_user_shows_the_id(store: Store) -> None:
    org_id = _org(store)
    with store.write() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == org_id)).one()
        entry.user_id = "someone-elsewhere"
    assert history.record_history(store, org_id)[0].who == "someone-elsewhere"


def test_form_values_are_every_column_of_a_live_record(store: Store) -> None:
    org_id = _org(store, employees=7)
    values = records.form_values(store, "organisation", org_id)
    assert values["id"] == org_id and values["employees"] == 7 and values["city"] == "Weißenfels"
    organisations.delete_organisation(store, org_id)
    with pytest.raises(NotFound):
        records.form_values(store, "organisation", org_id)


def test_merge_sides_are_both_records_and_the_mergeable_fields(store: Store) -> None:
    a = _org(store, email="info@tw.de")
    b = _org(store, name="Tischlerei Weissenfels")
    sides = merge.sides(store, "organisation", a, b)
    assert [r["id"] for r in sides.records] == [a, b]
    assert sides.records[0]["email"] == "info@tw.de" and sides.records[1]["email"] is None
    assert "name" in sides.fields and "id" not in sides.fields
    assert list(sides.fields) == merge.mergeable_fields(merge.MERGEABLE["organisation"])
    p = persons.create_person(
        store, {"first_name": "Anja", "last_name": "Köhler", "gender": "female"}
    )
    assert "last_name" in merge.sides(store, "person", p.id, p.id).fields
    with pytest.raises(NotFound):
        merge.sides(store, "person", p.id, "missing")


def test_lookup_titles_and_title_of_read_the_index(store: Store) -> None:
    org_id = _org(store)
    other = _org(store, name="Bäckerei Sonnenschein", city="Leuna", postcode="06237")
    hits = finder.lookup(store, "weissenfels")
    assert [h.entity_id for h in hits] == [org_id]
    assert "06667" in hits[0].context
    # An organisation's title in the index is its name and town.
    assert finder.titles(store, "tischlerei", "organisation") == {
        "Tischlerei Weißenfels GmbH Weißenfels": org_id
    }
    assert finder.titles(store, "tischlerei", "person") == {}
    assert finder.title_of(store, other) == "Bäckerei Sonnenschein Leuna"
    assert finder.title_of(store, "missing") == ""


def test_form_ids_are_new_each_time() -> None:
    ids = {consultations.form_id() for _ in range(50)}
    assert len(ids) == 50 and all(len(i) == 36 for i in ids)


def test_profiles_found_and_the_passphrase_question(tmp_path: Path, memory_keyring: object) -> None:
    root = tmp_path / "profiles"
    assert profiles.find_profiles(root) == []
    (root / "b-folder").mkdir(parents=True)  # no profile.json: not a profile
    assert profiles.passphrase_needed(root / "new") == (False, True)  # a keyring is there
    st = profiles.open_profile(root / "zweites", None)
    st.close()
    st = profiles.open_profile(root / "erstes", None)
    st.close()
    assert [p.name for p in profiles.find_profiles(root)] == ["erstes", "zweites"]
    assert profiles.passphrase_needed(root / "erstes") == (False, False)


def test_a_passphrase_profile_needs_its_passphrase(tmp_path: Path, no_keyring: None) -> None:
    assert profiles.passphrase_needed(tmp_path / "p") == (True, True)
    open_store(tmp_path / "p", passphrase="geheim-genug", create=True).close()
    assert profiles.passphrase_needed(tmp_path / "p") == (True, False)
    profiles.open_profile(tmp_path / "p", "geheim-genug").close()


def test_backup_keep_days(store: Store) -> None:
    assert profiles.backup_keep_days(store) == DEFAULT_BACKUP_DAYS
    profiles.set_backup_keep_days(store, 30)
    assert profiles.backup_keep_days(store) == 30


def test_report_reference_reads_the_centre_and_the_data_labels(store: Store) -> None:
    header = reference.centre_header(store)
    with store.read() as s:
        centre = s.get(Centre, store.actor.centre_id)
        assert header.name == centre.name
    assert header.logo_png is None  # no logo of its own: the report takes the shipped one
    with store.write() as s:
        s.add(
            Topic(
                code="ki",
                group="zukunftszentrum",
                label_de="Künstliche Intelligenz",
                label_en="Artificial intelligence",
            )
        )
    de, en = reference.topic_labels(store, "de"), reference.topic_labels(store, "en")
    assert de["ki"] == "Künstliche Intelligenz" and en["ki"] == "Artificial intelligence"
    with store.read() as s:
        name = s.scalar(select(AppUser.display_name).where(AppUser.id == store.actor.user_id))
    assert reference.user_names(store)[store.actor.user_id] == name


def test_report_reference_without_a_centre(store: Store) -> None:
    store.actor = Actor(store.actor.user_id, None)
    header = reference.centre_header(store)
    assert header.name is None and header.address is None and header.logo_png is None
