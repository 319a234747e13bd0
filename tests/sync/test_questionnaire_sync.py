"""ESF questionnaires between two devices through a real hub: a recorded Teil 1 and its correction
arrive as two versions, and the second device counts the person with the corrected answers."""

from __future__ import annotations

import datetime as dt

from tests.sync.support import Device
from zz_desktop.reports.queries.esf import esf_operation
from zz_desktop.services import consultations, persons, questionnaires


def test_versions_travel_and_count_on_the_other_device(device) -> None:  # type: ignore[no-untyped-def]
    a: Device = device("a", 0)
    b: Device = device("b", 1)
    pid = persons.create_person(a.store, {"first_name": "Sina", "last_name": "Böhm"}).id
    data = {
        "date": dt.date(2026, 3, 2),
        "duration_min": 60,
        "mode": "on_site",
        "kind": "in_depth",
        "topics": ["ai_at_work"],
        "advisor_ids": [a.store.actor.user_id],
        "esf_counting": "participant",
        "status": "final",
        "person_id": pid,
    }
    consultations.record_consultation(a.store, data, [])
    answers = {"gender": "female", "birth_year": 1999, "employment_status": "unemployed"}
    first = questionnaires.record(a.store, pid, "entry", answers, dt.date(2026, 3, 2))
    questionnaires.correct(a.store, first.id, {"education": "isced_3_4"}, "nachgetragen")
    a.sync()
    b.sync()
    history = questionnaires.versions(b.store, pid, "entry")
    assert [(v.version, v.complete, v.education) for v in history] == [
        (1, False, None),
        (2, True, "isced_3_4"),
    ]
    fig = esf_operation(b.store, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert fig.cumulative["EECO02"]["women"] == 1 and fig.cumulative["EECO07"]["total"] == 1
    assert fig.not_counted == []
