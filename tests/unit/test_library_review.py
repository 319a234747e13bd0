"""Issue 14 (session 4): the Wissenspool services the GUI needs — filters by topic and target
group, propose, what a role may do with an item, and checklists attached to a consultation and
ticked during a visit (kept with the consultation, one transaction each)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.library import act_as, consultation, programme_item, published_checklist
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import checklists, library, permissions
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, OutboxOp


def _pending(store: Store, record_id: str) -> dict[str, Any]:
    with store.read() as session:
        [op] = session.query(OutboxOp).filter(OutboxOp.entity_id == record_id).all()
        return op.fields


def test_filters_by_topic_and_target_group(store: Store) -> None:
    fees = programme_item(store, "Honorare kalkulieren", target_groups=["solo_self_employed"])
    data = programme_item(
        store,
        "Datenschutz im Betrieb",
        topics=["data_protection_it_security"],
        target_groups=["sme"],
    )
    assert [i.id for i in library.list_items(store, target_group="solo_self_employed")] == [fees]
    assert [i.id for i in library.list_items(store, topic="data_protection_it_security")] == [data]
    assert (
        library.list_items(
            store, topic="data_protection_it_security", target_group="solo_self_employed"
        )
        == []
    )


def test_advisor_proposes_and_what_each_role_may_do(store: Store) -> None:
    act_as(store, "advisor")
    draft = library.save_draft(store, {"kind": "article", "title": "KI im Handwerk"})
    assert library.may_write(store, draft) and not library.may_publish(store, draft)
    proposed = library.propose(store, draft.id)
    assert proposed.review_state == "proposed"
    with pytest.raises(ValidationFailed):
        library.propose(store, draft.id)  # only a draft is proposed
    act_as(store, "manager")
    published = library.publish(store, draft.id)
    assert library.may_publish(store, published)
    act_as(store, "advisor")
    assert not library.may_write(store, published)  # published: the manager's
    programme = library.get_item(store, programme_item(store, "Soziale Absicherung"))
    act_as(store, "manager")
    assert not library.may_write(store, programme) and not library.may_publish(store, programme)
    act_as(store, "coordinator")
    assert not library.may_write(store)


def test_checklist_attached_and_ticked_with_the_consultation(store: Store) -> None:
    checklist = published_checklist(store)
    visit = consultation(store)
    [entry] = checklists.attach(store, visit, checklist)
    assert entry.items == ["Ansprechpartner klären", "Datenschutz besprechen", "Förderung prüfen"]
    assert checklists.attach(store, visit, checklist) == [entry]  # once per consultation
    checklists.tick(store, visit, checklist, 0)
    [entry] = checklists.tick(store, visit, checklist, 2)
    assert entry.ticked == {0, 2}
    [entry] = checklists.tick(store, visit, checklist, 0, done=False)
    assert entry.ticked == {2}
    with store.read() as session:
        row = session.get(Consultation, visit)
        assert row is not None and row.checklists[0]["ticked"] == [2]
    # The ticks wait in the outbox as a change of the consultation (collapsed into one op).
    assert _pending(store, visit)["checklists"][0]["ticked"] == [2]
    # The checklist is revised later: the consultation keeps what it was ticked against.
    library.withdraw(store, checklist)
    library.save_draft(store, {"body": "- Etwas anderes"}, checklist)
    assert checklists.attached(store, visit)[0].items[2] == "Förderung prüfen"
    with pytest.raises(ValidationFailed):
        checklists.tick(store, visit, checklist, 7)
    assert checklists.detach(store, visit, checklist) == []


def test_only_published_checklists_are_attached(store: Store) -> None:
    visit = consultation(store)
    checklist = published_checklist(store)
    article = programme_item(store, "Kein Prüfpunkt")
    draft = library.save_draft(store, {"kind": "checklist", "title": "Entwurf", "body": "- a"})
    for item_id in (article, draft.id):
        with pytest.raises(ValidationFailed):
            checklists.attach(store, visit, item_id)
    act_as(store, "coordinator")
    with pytest.raises(permissions.NotAllowed):
        checklists.attach(store, visit, checklist)


def test_checklist_items_from_markdown() -> None:
    body = "# Vor dem Termin\n- [ ] Unterlagen\n* Fragen notieren\n\n+ Termin bestätigen\nfrei"
    assert checklists.checklist_items(body) == [
        "Unterlagen",
        "Fragen notieren",
        "Termin bestätigen",
        "frei",
    ]
