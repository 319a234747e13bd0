"""Records made before the first login join the user's centre, under the hub's user id."""

from __future__ import annotations

from sqlalchemy import select

from zz_desktop.services import consultations, identity, organisations
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, Organisation, OutboxOp


def test_adopt_centre_rewrites_rows_and_pending_ops(store: Store) -> None:
    local = store.actor
    org = organisations.create_organisation(store, {"name": "Softwarehaus Elbe GmbH"})
    consultations.record_consultation(store, consultations.new_consultation_defaults(store, org.id))
    moved = identity.adopt_centre(store, "centre-hub", "user-hub")
    assert moved > 0 and store.actor.centre_id == "centre-hub" and store.actor.user_id == "user-hub"
    with store.read() as s:
        o = s.get(Organisation, org.id)
        assert (o.centre_id, o.created_by) == ("centre-hub", "user-hub")
        c = s.scalars(select(Consultation)).one()
        assert c.advisor_ids == ["user-hub"]
        for op in s.scalars(select(OutboxOp)):
            text = str(op.fields)
            assert local.centre_id not in text and local.user_id not in text
    assert store.local_identity() == store.actor
