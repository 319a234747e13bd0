"""Per-operation ESF figures on hand-made data whose right answers are known: once per operation
at first entry, quarters add up to the year, drafts never count, Part 1 missing for a consultation
participant is listed not counted, age at entry at the group boundaries, missing birth year."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from zz_desktop.reports.queries.esf import esf_operation
from zz_desktop.services import consultations, events, organisations, persons

D = dt.date
YEAR = (D(2026, 1, 1), D(2026, 12, 31))
QUARTERS = [
    (D(2026, 1, 1), D(2026, 3, 31)),
    (D(2026, 4, 1), D(2026, 6, 30)),
    (D(2026, 7, 1), D(2026, 9, 30)),
    (D(2026, 10, 1), D(2026, 12, 31)),
]


def _person(store: Any, name: str, **values: Any) -> str:
    data = {
        "first_name": name,
        "last_name": "Test",
        "gender": "female",
        "birth_year": 1980,
        "employment_status": "employed",
        "education": "isced_3_4",
    } | values
    return persons.create_person(store, data).id


def _consult(store: Any, day: str, **values: Any) -> str:
    data = {
        "date": D.fromisoformat(day),
        "duration_min": 60,
        "mode": "on_site",
        "kind": "in_depth",
        "topics": ["ai_at_work"],
        "advisor_ids": [store.actor.user_id],
        "esf_counting": "participant",
        "status": "final",
    } | values
    parts = data.pop("participants", ())
    return consultations.record_consultation(store, data, parts).consultation.id


def test_person_counted_once_per_operation_and_quarters_sum_to_year(store: Any) -> None:
    anna = _person(store, "Anna")
    for day in ("2026-02-01", "2026-05-01", "2026-08-01", "2026-11-01"):
        _consult(store, day, person_id=anna)
    org = organisations.create_organisation(store, {"name": "Bäckerei", "employees": 5}).id
    for day in ("2026-02-02", "2026-09-02"):
        _consult(store, day, organisation_id=org, esf_counting="entity")
    year = esf_operation(store, *YEAR)
    assert year.new_in_period["EECO01"]["total"] == 1
    assert year.new_in_period["EECO01"]["women"] == 1
    assert year.new_in_period["EECO19"]["total"] == 1
    quarters = [esf_operation(store, *q) for q in QUARTERS]
    assert [q.new_in_period["EECO01"]["total"] for q in quarters] == [1, 0, 0, 0]
    assert sum(q.new_in_period["EECO19"]["total"] for q in quarters) == 1
    # cumulative grows monotonically and ends where the year ends
    assert [q.cumulative["EECO01"]["total"] for q in quarters] == [1, 1, 1, 1]
    assert quarters[-1].cumulative == year.cumulative


def test_draft_never_counts_and_is_listed(store: Any) -> None:
    bert = _person(store, "Bert", gender="male")
    draft = _consult(store, "2026-03-01", person_id=bert, status="draft")
    org = organisations.create_organisation(store, {"name": "Werk", "employees": 5}).id
    draft_sme = _consult(
        store, "2026-03-02", organisation_id=org, esf_counting="entity", status="draft"
    )
    fig = esf_operation(store, *YEAR)
    assert fig.cumulative["EECO01"]["total"] == 0
    assert fig.cumulative["EECO19"]["total"] == 0
    assert fig.drafts_excluded == sorted([draft, draft_sme])


def test_consultation_participant_without_part1_listed_not_counted(store: Any) -> None:
    ok = _person(store, "Clara")
    missing = _person(store, "Dora", employment_status=None, education=None)
    org = organisations.create_organisation(store, {"name": "Firma", "employees": 5}).id
    _consult(store, "2026-04-01", organisation_id=org, participants=[ok, missing])
    fig = esf_operation(store, *YEAR)
    assert fig.new_in_period["EECO01"]["total"] == 1
    assert fig.not_counted == [missing]
    assert fig.grand_total == 2


def test_event_part1_flag_without_answers_does_not_count(store: Any) -> None:
    empty = _person(store, "Emil", gender="male", employment_status=None)
    flagged = _person(store, "Frida")
    event = events.create_event(
        store, {"title": "Workshop", "type": "workshop", "start_date": D(2026, 6, 1)}
    ).id
    events.add_participant(store, event, empty, entry_questionnaire="complete")
    events.add_participant(store, event, flagged, entry_questionnaire="incomplete")
    fig = esf_operation(store, *YEAR)
    assert fig.cumulative["EECO01"]["total"] == 0
    assert fig.not_counted == sorted([empty, flagged])


@pytest.mark.parametrize(
    ("age", "code"),
    [
        (17, "EECO06"),
        (18, "EECO07"),
        (29, "EECO07"),
        (30, "age_30_54"),
        (54, "age_30_54"),
        (55, "EECO08"),
    ],
)
def test_age_at_entry_boundaries(store: Any, age: int, code: str) -> None:
    pid = _person(store, "Gert", birth_year=2025 - age)
    _consult(store, "2025-06-01", person_id=pid)  # entry in 2025 ...
    _consult(store, "2026-06-01", person_id=pid)  # ... a year later still the age at entry
    fig = esf_operation(store, *YEAR)
    assert fig.cumulative[code]["total"] == 1
    assert fig.new_in_period["EECO01"]["total"] == 0


def test_missing_birth_year_flagged(store: Any) -> None:
    pid = _person(store, "Hanna", birth_year=None)
    _consult(store, "2026-06-01", person_id=pid)
    fig = esf_operation(store, *YEAR)
    assert fig.age_unknown == [pid]
    assert fig.not_counted == [pid]


def test_deleted_person_and_organisation_never_count(store: Any) -> None:
    pid = _person(store, "Ida")
    _consult(store, "2026-06-01", person_id=pid)
    org = organisations.create_organisation(store, {"name": "Weg", "employees": 5}).id
    _consult(store, "2026-06-02", organisation_id=org, esf_counting="entity")
    persons.delete_person(store, pid)
    organisations.delete_organisation(store, org)
    fig = esf_operation(store, *YEAR)
    assert fig.cumulative["EECO01"]["total"] == 0
    assert fig.cumulative["EECO19"]["total"] == 0


def test_operation_start_bounds_cumulative(store: Any) -> None:
    pid = _person(store, "Jana")
    _consult(store, "2025-03-01", person_id=pid)
    _consult(store, "2026-03-01", person_id=pid)
    assert esf_operation(store, *YEAR).new_in_period["EECO01"]["total"] == 0
    later = esf_operation(store, *YEAR, operation_start=D(2026, 1, 1))
    assert later.new_in_period["EECO01"]["total"] == 1


def test_json_shape(store: Any) -> None:
    pid = _person(store, "Kai", gender="non_binary")
    _consult(store, "2026-03-01", person_id=pid)
    data = json.loads(json.dumps(esf_operation(store, *YEAR).as_json()))
    assert set(data) >= {"new_in_period", "cumulative", "not_counted", "drafts_excluded"}
    assert data["new_in_period"]["EECO05"] == {
        "women": 0,
        "men": 0,
        "non_binary": 1,
        "not_stated": 0,
        "total": 1,
    }


def test_wz2008_health_firm_lands_in_section_q_with_its_2008_title(store: Any) -> None:
    from zz_desktop.domain.codelists import report_section, section_title
    from zz_desktop.reports.labels import Labeller
    from zz_desktop.services.report_queries import Period, breakdown

    assert report_section("86.10", "WZ2008") == "Q8"
    assert section_title("Q8") == "Q – Gesundheits- und Sozialwesen (WZ 2008)"
    assert report_section("62.01", "WZ2025") == "K"
    org = organisations.create_organisation(
        store,
        {"name": "Praxis", "employees": 5, "sector_code": "86.10", "sector_version": "WZ2008"},
    ).id
    _consult(store, "2026-02-01", organisation_id=org, esf_counting="entity")
    rows = {b.key: b.consultations for b in breakdown(store, Period(*YEAR), "section")}
    assert rows["Q8"] == 1
    assert "Q – Gesundheits- und Sozialwesen (WZ 2008)" in [
        Labeller(store, "de").section(k) for k in rows
    ]


def test_esf_pdf_shows_the_per_operation_figures(store: Any) -> None:
    import io

    import pdfplumber

    from zz_desktop import reports
    from zz_desktop.services.report_queries import Period

    for name, day in (("Lena", "2025-05-01"), ("Mia", "2026-05-01"), ("Nora", "2026-06-01")):
        _consult(store, day, person_id=_person(store, name))
    _consult(store, "2026-06-02", person_id=_person(store, "Olga"), status="draft")
    _consult(store, "2026-06-03", person_id=_person(store, "Pia", education=None))
    fig = esf_operation(store, *YEAR)
    assert (fig.new_in_period["EECO01"]["total"], fig.cumulative["EECO01"]["total"]) == (2, 3)
    pdf = reports.render(store, "esf", Period(*YEAR), None, "de")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
    assert "Zählung je Vorhaben" in text
    line = next(ln for ln in text.splitlines() if ln.startswith("EECO01"))
    assert line.split()[-2:] == [
        str(fig.new_in_period["EECO01"]["total"]),
        str(fig.cumulative["EECO01"]["total"]),
    ]
    assert f"Nicht gezählt (Teil 1 unvollständig): {len(fig.not_counted)}." in text
    assert f"Nicht gezählte Entwürfe von Beratungen: {len(fig.drafts_excluded)}." in text.replace(
        "\n", " "
    )


def test_draft_protocol_is_marked_and_has_no_signature_lines(store: Any) -> None:
    import io

    import pdfplumber

    from zz_desktop import reports

    org = organisations.create_organisation(store, {"name": "Werk", "employees": 5}).id
    texts = {}
    for status in ("draft", "final"):
        cid = _consult(
            store, "2026-03-01", organisation_id=org, esf_counting="entity", status=status
        )
        pdf = reports.render(store, "protocol", None, cid, "de")
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            texts[status] = "\n".join(p.extract_text() or "" for p in doc.pages)
    assert "Entwurf" in texts["draft"]
    assert "Unterschrift" not in texts["draft"].replace("nicht zur Unterschrift", "")
    assert "Entwurf" not in texts["final"]
    assert "Unterschrift" in texts["final"]


def test_deleted_rows_leave_the_activity_totals_too(store: Any) -> None:
    from zz_desktop.services.report_queries import Period, activity_totals

    pid = _person(store, "Quinn")
    org = organisations.create_organisation(store, {"name": "Weg GmbH", "employees": 5}).id
    _consult(store, "2026-02-01", organisation_id=org, esf_counting="entity", participants=[pid])
    event = events.create_event(
        store, {"title": "Workshop", "type": "workshop", "start_date": D(2026, 6, 1)}
    ).id
    events.add_participant(store, event, pid, entry_questionnaire="complete")
    before = activity_totals(store, Period(*YEAR))
    assert (before.organisations, before.persons, before.participants) == (1, 1, 1)
    persons.delete_person(store, pid)
    organisations.delete_organisation(store, org)
    after = activity_totals(store, Period(*YEAR))
    assert (after.organisations, after.persons, after.participants) == (0, 0, 0)
    assert esf_operation(store, *YEAR).cumulative["EECO19"]["total"] == 0
