"""The Qt-free list queries: filtering and sorting in SQL, rows in the order asked for."""

from __future__ import annotations

import datetime as dt

from zz_desktop.services import consultations, listing, organisations, persons


def _fill(store):  # type: ignore[no-untyped-def]
    a = organisations.create_organisation(
        store,
        {
            "name": "Bäckerei Älteste",
            "city": "Leipzig",
            "ags": "14713000",
            "employees": 5,
            "turnover_band": "le_2m",
        },
    )
    b = organisations.create_organisation(
        store,
        {
            "name": "Zimmerei Zander",
            "city": "Cottbus",
            "ags": "12052000",
            "employees": 120,
            "turnover_band": "le_50m",
        },
    )
    p = persons.create_person(
        store, {"first_name": "Jörg", "last_name": "Öztürk"}, organisation_id=a.id
    )
    for i, (org, topic, mode) in enumerate(
        [
            (a, "ai_at_work", "on_site"),
            (b, "qualification_training", "video"),
            (a, "qualification_training", "phone"),
        ]
    ):
        data = consultations.new_consultation_defaults(store, org.id) | {
            "date": dt.date(2026, 3, 1 + i),
            "topics": [topic],
            "mode": mode,
            "title": f"Gespräch {i}",
        }
        consultations.record_consultation(store, data, [p.id] if org is a else [])
    return a, b, p


def test_filters_and_sort(store) -> None:  # type: ignore[no-untyped-def]
    a, b, _p = _fill(store)
    all_ids = listing.list_ids(store, "consultation")
    assert len(all_ids) == 3
    dates = [r[0] for r in listing.rows(store, "consultation", all_ids, ["date"])]
    assert dates == sorted(dates, reverse=True)
    assert len(listing.list_ids(store, "consultation", {"topic": "qualification_training"})) == 2
    assert len(listing.list_ids(store, "consultation", {"mode": "video"})) == 1
    assert len(listing.list_ids(store, "consultation", {"kreis": "14713"})) == 2
    assert len(listing.list_ids(store, "consultation", {"sme_class": "medium"})) == 1
    assert (
        len(
            listing.list_ids(
                store,
                "consultation",
                {"date_from": dt.date(2026, 3, 2), "date_to": dt.date(2026, 3, 2)},
            )
        )
        == 1
    )
    assert len(listing.list_ids(store, "consultation", {"advisor": store.actor.user_id})) == 3
    by_org = listing.list_ids(store, "consultation", sort=("organisation", False))
    assert [r[0] for r in listing.rows(store, "consultation", by_org, ["organisation"])] == [
        "Bäckerei Älteste"
    ] * 2 + ["Zimmerei Zander"]
    assert listing.list_ids(store, "organisation", {"text": "altest"}) == [a.id]
    assert listing.list_ids(store, "organisation", {"sme_class": "medium"}) == [b.id]
    assert listing.count(store, "person", {"organisation_id": a.id}) == 1


def test_rows_keep_order_and_labels(store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    ids = listing.list_ids(store, "consultation")
    rows = listing.rows(store, "consultation", list(reversed(ids)), ["topics", "advisors", "kreis"])
    assert rows[-1][0] in (
        "Künstliche Intelligenz in der Arbeitswelt",
        "Qualifizierung und Weiterbildung",
    )
    assert all(r[1] for r in rows)
    assert listing.rows(store, "consultation", ["missing"], ["title"]) == [(None,)]
