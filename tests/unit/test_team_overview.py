"""The manager's team figures (services.team): per advisor, near the cap, events this month."""

from __future__ import annotations

import datetime as dt

from zz_desktop.services import consultations, events, followups, organisations, team
from zz_desktop.store.database import Store
from zz_desktop.store.ids import new_id
from zz_desktop.store.models import AppUser


def _advisor(store: Store, name: str, role: str = "advisor") -> str:
    uid = new_id()
    with store.write() as s:
        s.add(AppUser(id=uid, username=name.lower(), display_name=name, role=role,
                      centre_id=store.actor.centre_id))  # fmt: skip
    return uid


def fill(store: Store, today: dt.date) -> dict[str, str]:
    anna, ben = _advisor(store, "Anna Beraterin"), _advisor(store, "Ben Berater")
    org = organisations.create_organisation(store, {"name": "Schulz Anlagenbau GmbH"})
    small = organisations.create_organisation(store, {"name": "Tischlerei Weber"})
    base = consultations.new_consultation_defaults(store, org.id)

    def cons(advisors: list[str], day: dt.date, minutes: int = 60, kind: str = "signposting",
             org_id: str = org.id) -> None:  # fmt: skip
        consultations.record_consultation(
            store,
            base
            | {
                "organisation_id": org_id,
                "advisor_ids": advisors,
                "date": day,
                "duration_min": minutes,
                "kind": kind,
                "title": "Beratung",
            },  # fmt: skip
        )

    first = today.replace(day=1)
    cons([anna], first)
    cons([anna, ben], first)
    cons([ben], first - dt.timedelta(days=1))  # last month: not counted
    cons([], first)  # nobody recorded
    for _ in range(8):  # 8 × 8 h = 64 h in-depth: near the 80 h cap
        cons([anna], first - dt.timedelta(days=40), 480, "in_depth")
    cons([ben], first - dt.timedelta(days=40), 120, "in_depth", small.id)
    followups.create_followup(store, {"organisation_id": org.id, "owner_id": anna,
                                      "text": "Angebot", "due_date": today - dt.timedelta(days=2)})  # fmt: skip
    followups.create_followup(store, {"organisation_id": org.id, "owner_id": anna,
                                      "text": "Anruf", "due_date": today + dt.timedelta(days=5)})  # fmt: skip
    events.create_event(store, {"title": "Workshop KI", "type": "workshop", "start_date": first})
    events.create_event(store, {"title": "Altes", "type": "workshop",
                                "start_date": first - dt.timedelta(days=1)})  # fmt: skip
    return {"anna": anna, "ben": ben, "org": org.id}


def test_team_overview_figures(store: Store) -> None:
    today = dt.date.today()
    ids = fill(store, today)
    view = team.team_overview(store, today)
    by = {a.user_id: a for a in view.advisors}
    assert (by[ids["anna"]].consultations, by[ids["anna"]].open_followups) == (2, 2)
    assert by[ids["anna"]].overdue_followups == 1
    assert by[ids["ben"]].consultations == 1 and by[ids["ben"]].open_followups == 0
    assert by[team.NO_ADVISOR].consultations == 1
    assert [(c.name, c.hours) for c in view.near_cap] == [("Schulz Anlagenbau GmbH", 64.0)]
    assert [e.title for e in view.events] == ["Workshop KI"]
    assert view.last_sync is None and not view.devices_reported


def test_is_manager(store: Store) -> None:
    assert not team.is_manager(store)
    with store.write() as s:
        s.get(AppUser, store.actor.user_id).role = "manager"  # type: ignore[union-attr]
    assert team.is_manager(store)
