"""Issue 14: the Wissenspool's records on the device — advisors propose, managers publish and
withdraw, programme items are read-only; offline search; "new since your last visit"."""

from __future__ import annotations

import datetime as dt

import pytest

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import library, permissions
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import KnowledgeItem
from zz_desktop.sync import state
from zz_protocol.schemas import PROGRAMME_CENTRE_ID

ARTICLE = {
    "kind": "article",
    "title": "Interessenvertretung gründen",
    "body": "## Schritte\n\nSatzung, Gründungsversammlung, Eintragung ins Vereinsregister.",
    "target_groups": ["solo_self_employed"],
    "sources": "BGB §§ 21 ff.",
}


def _as(store: Store, role: str) -> None:
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: role})


def test_advisor_proposes_manager_publishes(store: Store) -> None:
    _as(store, "advisor")
    item = library.save_draft(store, {**ARTICLE, "review_state": "proposed"})
    assert item.review_state == "proposed" and library.list_items(store) == []
    with pytest.raises(permissions.NotAllowed):
        library.publish(store, item.id)
    with pytest.raises(ValidationFailed):
        library.save_draft(store, {"review_state": "published"}, item.id)
    _as(store, "manager")
    published = library.publish(store, item.id)
    assert published.review_state == "published" and published.version == 1
    assert [i.id for i in library.list_items(store, "vereinsregister")] == [item.id]
    _as(store, "advisor")
    with pytest.raises(permissions.NotAllowed):  # a published item: the manager's
        library.save_draft(store, {"title": "Anders"}, item.id)
    _as(store, "manager")
    library.withdraw(store, item.id)
    assert library.list_items(store) == []
    assert library.publish(store, item.id).version == 2  # republished: a new version


def test_validation_and_programme_items(store: Store) -> None:
    with pytest.raises(ValidationFailed) as err:
        library.save_draft(store, {"kind": "link", "title": " ", "target_groups": ["all"]})
    assert set(err.value.errors) == {"title", "target_groups", "url"}
    with store.write(remote=True) as session:
        row = KnowledgeItem(
            title="Soziale Absicherung",
            kind="article",
            review_state="published",
            centre_id=PROGRAMME_CENTRE_ID,
            published_at=utcnow(),
            created_at=utcnow(),
            updated_at=utcnow(),
        )
        session.add(row)
        session.flush()
        programme_id = row.id
    with pytest.raises(permissions.NotAllowed):
        library.save_draft(store, {"title": "x"}, programme_id)
    assert [i.id for i in library.list_items(store, "absicherung")] == [programme_id]


def test_new_since_last_visit(store: Store) -> None:
    item = library.save_draft(store, ARTICLE)
    library.publish(store, item.id)
    assert [i.id for i in library.new_since_last_visit(store)] == [item.id]
    library.mark_visited(store, utcnow() + dt.timedelta(seconds=1))
    assert library.new_since_last_visit(store) == []
