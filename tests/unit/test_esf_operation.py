"""Per-operation ESF figures on hand-made data whose right answers are known: once per operation
at first entry, quarters add up to the year, drafts never count, Part 1 missing for a consultation
participant is listed not counted, age at entry at the group boundaries, missing birth year."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from zz_desktop.domain.questionnaire import ENTRY_FIELDS
from zz_desktop.reports.queries.esf import esf_operation
from zz_desktop.services import consultations, events, organisations, persons, questionnaires

D = dt.date
YEAR = (D(2026, 1, 1), D(2026, 12, 31))
QUARTERS = [
    (D(2026, 1, 1), D(2026, 3, 31)),
    (D(2026, 4, 1), D(2026, 6, 30)),
    (D(2026, 7, 1), D(2026, 9, 30)),
    (D(2026, 10, 1), D(2026, 12, 31)),
]


def _person(
    store: Any, name: str, entered: dt.date = D(2025, 6, 1), part1: bool = True, **values: Any
) -> str:
    """A person and (``part1``) their recorded Teil 1 with the same answers, dated ``entered``."""
    data = {
        "first_name": name,
        "last_name": "Test",
        "gender": "female",
        "birth_year": 1980,
        "employment_status": "employed",
        "education": "isced_3_4",
    } | values
    pid = persons.create_person(store, data).id
    if part1:
        answers = {k: data.get(k) for k in ENTRY_FIELDS if data.get(k) is not None}
        questionnaires.record(store, pid, "entry", answers, entered)
    return pid


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
    none = _person(store, "Dana", part1=False)
    org = organisations.create_organisation(store, {"name": "Firma", "employees": 5}).id
    _consult(store, "2026-04-01", organisation_id=org, participants=[ok, missing, none])
    fig = esf_operation(store, *YEAR)
    assert fig.new_in_period["EECO01"]["total"] == 1
    assert fig.not_counted == sorted([missing, none])
    assert {(n.person_id, n.part1) for n in fig.not_counted_detail} == {
        (missing, "incomplete"),
        (none, "missing"),
    }
    assert fig.grand_total == 3


def test_event_part1_flag_without_answers_does_not_count(store: Any) -> None:
    empty = _person(store, "Emil", gender="male", part1=False)
    flagged = _person(store, "Frida", part1=False)
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


def test_entry_snapshot_stays_after_the_person_is_edited(store: Any) -> None:
    pid = _person(store, "Ulla", employment_status="unemployed", birth_year=1990)
    _consult(store, "2026-02-01", person_id=pid)
    before = esf_operation(store, *YEAR).as_json()
    persons.update_person(
        store, pid, {"employment_status": "employed", "birth_year": 1950, "gender": "male"}
    )
    after = esf_operation(store, *YEAR)
    assert after.as_json() == before
    assert after.cumulative["EECO02"]["women"] == 1 and after.cumulative["EECO05"]["total"] == 0
    assert after.cumulative["EECO07"]["total"] == 0 and after.cumulative["EECO08"]["total"] == 0


def test_a_corrected_part1_counts_with_its_new_answers(store: Any) -> None:
    pid = _person(store, "Vera", education=None)
    _consult(store, "2026-02-01", person_id=pid)
    assert esf_operation(store, *YEAR).not_counted == [pid]
    first = questionnaires.current(store, pid, "entry")
    assert first is not None
    questionnaires.correct(store, first.id, {"education": "isced_5_8"}, "nachgetragen")
    fig = esf_operation(store, *YEAR)
    assert fig.not_counted == [] and fig.cumulative["EECO11"]["total"] == 1


def test_results_on_leaving_count_at_the_part2_date(store: Any) -> None:
    pid = _person(store, "Wanda", gender="female")
    _consult(store, "2026-02-01", person_id=pid)
    answers = {"job_searching": "no", "in_education": "yes", "qualification": "yes"}
    row = questionnaires.record(store, pid, "exit", answers, D(2026, 5, 10))
    assert not esf_operation(store, *YEAR).cumulative["EECR02"]["total"]  # incomplete Teil 2
    questionnaires.correct(store, row.id, {"employed": "no"}, "nachgetragen")
    quarters = [esf_operation(store, *q) for q in QUARTERS]
    assert [q.new_in_period["EECR02"]["women"] for q in quarters] == [0, 1, 0, 0]
    assert [q.cumulative["EECR03"]["total"] for q in quarters] == [0, 1, 1, 1]
    assert quarters[-1].cumulative["EECR01"]["total"] == 0
    assert quarters[-1].cumulative["EECR04"]["total"] == 0
    # A Teil 2 of a person who is not a counted participant adds nothing.
    other = _person(store, "Xenia", part1=False)
    _consult(store, "2026-02-01", person_id=other)
    questionnaires.record(store, other, "exit", answers | {"employed": "yes"}, D(2026, 5, 10))
    assert esf_operation(store, *YEAR).cumulative["EECR04"]["total"] == 0


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
    from zz_desktop.reports.queries.activity import breakdown
    from zz_desktop.reports.queries.period import Period

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
    from zz_desktop.reports.queries.period import Period

    for name, day in (("Lena", "2025-05-01"), ("Mia", "2026-05-01"), ("Nora", "2026-06-01")):
        _consult(store, day, person_id=_person(store, name))
    _consult(store, "2026-06-02", person_id=_person(store, "Olga"), status="draft")
    _consult(store, "2026-06-03", person_id=_person(store, "Pia", education=None))
    fig = esf_operation(store, *YEAR)
    assert (fig.new_in_period["EECO01"]["total"], fig.cumulative["EECO01"]["total"]) == (2, 3)
    pdf = reports.render(store, "esf", Period(*YEAR), None, "de")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
    rows = [ln for ln in text.splitlines() if ln.startswith("EECO01 ")]
    # The first table is "new in the period", the second "cumulative".
    assert [ln.split()[-1] for ln in rows] == [
        str(fig.new_in_period["EECO01"]["total"]),
        str(fig.cumulative["EECO01"]["total"]),
    ]
    assert [ln.split()[-5:-1] for ln in rows][0] == [
        str(fig.new_in_period["EECO01"][g]) for g in ("women", "men", "non_binary", "not_stated")
    ]
    flat = text.replace("\n", " ")
    assert f"Nicht gezählt (Teil 1 unvollständig): {len(fig.not_counted)}." in flat
    assert f"Nicht gezählte Entwürfe von Beratungen: {len(fig.drafts_excluded)}." in flat
    assert "Pia Test" in text and "Olga" not in text  # listed: Part 1 incomplete; a draft is not
    for code in ("EECR01", "EECR02", "EECR03", "EECR04"):
        assert code in text


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
    from zz_desktop.reports.queries.activity import activity_totals
    from zz_desktop.reports.queries.period import Period

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


def test_operation_start_setting_applies_when_none_is_given(store: Any) -> None:
    pid = _person(store, "Yvonne")
    _consult(store, "2025-03-01", person_id=pid)
    _consult(store, "2026-03-01", person_id=pid)
    assert esf_operation(store, *YEAR).new_in_period["EECO01"]["total"] == 0
    store.set_setting("esf.operation_start", "2026-01-01")
    assert esf_operation(store, *YEAR).new_in_period["EECO01"]["total"] == 1
    # An explicit start (CLI --operation-start) wins over the setting.
    fig = esf_operation(store, *YEAR, operation_start=D(2025, 1, 1))
    assert fig.new_in_period["EECO01"]["total"] == 0
