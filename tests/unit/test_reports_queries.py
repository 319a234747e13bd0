"""Report queries on a small hand-built profile whose right answers are known, and the PDFs made
from it: EECO19 counts an SME once, incomplete Part 1 is listed not counted, suppression,
umlauts and "Nguyễn" survive, the fonts are embedded TrueType, printing a protocol is audited."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from zz_desktop import reports
from zz_desktop.reports.queries.activity import (
    activity_totals,
    breakdown,
    monthly_trend,
    organisations_near_cap,
)
from zz_desktop.reports.queries.esf import esf_operation
from zz_desktop.reports.queries.followups import followups_for
from zz_desktop.reports.queries.period import Period
from zz_desktop.reports.queries.protocol import protocol_data
from zz_desktop.reports.queries.selfemployed import selfemployed_report, suppress
from zz_desktop.services import consultations, events, organisations, persons, questionnaires
from zz_desktop.store.models import AppUser, AuditEntry, Centre

Q1 = Period.quarter(2026, 1)


@dataclass
class World:
    store: Any
    bakery: str
    trading: str
    large: str
    anna: str
    joerg: str
    zoe: str
    oemer: str
    lucja: str
    c_bakery_1: str
    c_bakery_2: str


def _consult(store: Any, day: str, **values: Any) -> str:
    data = {
        "date": dt.date.fromisoformat(day),
        "duration_min": 90,
        "mode": "on_site",
        "kind": "in_depth",
        "topics": ["ai_at_work"],
        "advisor_ids": [store.actor.user_id],
        "esf_counting": "entity",
        "status": "final",  # issue 11: only final or signed consultations count for the ESF
    } | values
    participants = data.pop("participants", ())
    return consultations.record_consultation(store, data, participants).consultation.id


@pytest.fixture
def world(store: Any) -> World:
    with store.write() as session:
        centre = session.get(Centre, store.actor.centre_id)
        centre.name = "Zukunftszentrum Thüringen"
        centre.address = "Löbdergraben 1\n07743 Jena"
        session.get(AppUser, store.actor.user_id).display_name = "Jürgen Weiß"
    bakery = organisations.create_organisation(
        store,
        {
            "name": "Bäckerei Müller GmbH",
            "employees": 5,
            "turnover_band": "le_2m",
            "ags": "16053000",
            "sector_code": "10.71",
            "street": "Straße des Friedens 3",
            "postcode": "07743",
            "city": "Jena",
        },
    ).id
    trading = organisations.create_organisation(
        store, {"name": "Nguyễn Trading GmbH", "employees": 20, "sector_code": "46"}
    ).id
    large = organisations.create_organisation(
        store, {"name": "Großwerk AG", "employees": 900, "sector_code": "29"}
    ).id
    anna = persons.create_person(
        store,
        {"first_name": "Anna", "last_name": "Nguyễn", "gender": "female", "birth_year": 1990},
        organisation_id=bakery,
        role="management",
        function_title="Geschäftsführerin",
    ).id
    joerg = persons.create_person(
        store,
        {
            "first_name": "Jörg",
            "last_name": "Schäfer",
            "gender": "male",
            "birth_year": 2000,
            "employment_status": "self_employed",
            "education": "isced_5_8",
        },
    ).id
    persons.save_selfemployed_profile(
        store, joerg, {"occupation": "Grafikdesign", "sector_code": "74", "fee_band": "250_500"}
    )
    zoe = persons.create_person(
        store,
        {
            "first_name": "Zoë",
            "last_name": "Krüger",
            "gender": "female",
            "birth_year": 1965,
            "employment_status": "long_term_unemployed",
            "education": "isced_3_4",
            "rural_area": "yes",
        },
    ).id
    oemer = persons.create_person(
        store, {"first_name": "Ömer", "last_name": "Yılmaz", "gender": "male"}
    ).id
    lucja = persons.create_person(
        store, {"first_name": "Łucja", "last_name": "Wróbel", "gender": "non_binary"}
    ).id
    # The bakery is advised twice in Q1: one SME under EECO19.
    c1 = _consult(
        store,
        "2026-01-15",
        organisation_id=bakery,
        participants=[anna],
        title="Erstgespräch KI",
        place="Jena",
        start_time="09:30",
        findings="Die Geschäftsführerin möchte Schichtpläne digital führen.",
    )
    c2 = _consult(
        store, "2026-03-02", organisation_id=bakery, kind="follow_up", topics=["sustainability"]
    )
    _consult(store, "2026-02-10", organisation_id=trading, mode="video", duration_min=60)
    _consult(store, "2026-02-11", organisation_id=large, kind="signposting", topics=[])
    _consult(
        store,
        "2026-03-20",
        person_id=joerg,
        esf_counting="participant",
        kind="signposting",
        topics=["fees_remuneration"],
    )
    _consult(store, "2025-12-01", organisation_id=trading)  # before Q1: trading is returning
    event = events.create_event(
        store,
        {
            "title": "Workshop KI in Thüringen",
            "type": "workshop",
            "start_date": dt.date(2026, 3, 10),
        },
    ).id
    events.add_participant(store, event, zoe, entry_questionnaire="complete")
    events.add_participant(store, event, oemer, entry_questionnaire="incomplete")
    events.add_participant(store, event, lucja, entry_questionnaire="missing")
    # Teil 1 as recorded at entry (Łucja has none; Ömer's lacks the mandatory answers).
    for pid, when in ((joerg, dt.date(2026, 3, 20)), (zoe, dt.date(2026, 3, 10))):
        questionnaires.record(store, pid, "entry", questionnaires.suggestion(store, pid), when)
    questionnaires.record(store, oemer, "entry", {"gender": "male"}, dt.date(2026, 3, 10))
    return World(store, bakery, trading, large, anna, joerg, zoe, oemer, lucja, c1, c2)


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


# ---------------------------------------------------------------- queries


def test_activity_totals_and_breakdowns(world: World) -> None:
    tot = activity_totals(world.store, Q1)
    assert tot.consultations == 5
    assert tot.by_kind == {"signposting": 2, "in_depth": 2, "follow_up": 1, "ombuds": 0}
    assert tot.by_mode["video"] == 1 and tot.by_mode["on_site"] == 4
    assert tot.hours == pytest.approx((4 * 90 + 60) / 60)
    assert (tot.organisations, tot.organisations_new, tot.organisations_returning) == (3, 2, 1)
    assert tot.persons == 2  # Anna (participant), Jörg (person advised)
    assert (tot.events, tot.participants) == (1, 3)
    topics = {b.key: b.consultations for b in breakdown(world.store, Q1, "topic")}
    assert topics == {"ai_at_work": 2, "sustainability": 1, "fees_remuneration": 1, "": 1}
    sections = {b.key: b.organisations for b in breakdown(world.store, Q1, "section")}
    assert sections == {"C": 2, "G": 1, "": 0}  # bakery and Großwerk are C; Jörg has no org
    assert {b.key for b in breakdown(world.store, Q1, "kreis")} == {"16053", ""}
    assert [m.consultations for m in monthly_trend(world.store, Q1)] == [1, 2, 2]


def _esf(world: World) -> Any:
    return esf_operation(world.store, Q1.start, Q1.end)


def test_eeco19_counts_an_sme_advised_twice_once(world: World) -> None:
    esf = _esf(world)
    # Nguyễn Trading (small) entered in December 2025: cumulative, not new in Q1 (once per
    # operation); Großwerk (large) is advised in Q1 too but never counted.
    assert esf.new_in_period["EECO19"] == {"micro": 1, "small": 0, "medium": 0, "total": 1}
    assert esf.cumulative["EECO19"] == {"micro": 1, "small": 1, "medium": 0, "total": 2}


def test_incomplete_part1_is_listed_and_not_counted(world: World) -> None:
    esf = _esf(world)
    assert set(esf.entries) == {world.joerg, world.zoe}
    new = esf.new_in_period
    total = new["EECO01"]
    assert (total["women"], total["men"], total["non_binary"], total["total"]) == (1, 1, 0, 2)
    assert new["EECO03"]["women"] == 1  # long-term unemployed
    assert new["EECO02"]["women"] == 1  # unemployed incl. long-term
    assert new["EECO05"]["men"] == 1  # employed incl. self-employed
    assert new["self_employed"]["men"] == 1
    assert new["EECO08"]["women"] == 1  # born 1965, 61 at entry in 2026
    assert new["EECO07"]["men"] == 1
    assert new["EECO17"]["total"] == 1
    listed = {i.person_id: i.part1 for i in esf.not_counted_detail}
    assert listed == {world.oemer: "incomplete", world.lucja: "missing"}
    assert esf.grand_total == 4


def test_part1_completed_moves_a_person_from_the_list_to_the_count(world: World) -> None:
    row = questionnaires.current(world.store, world.oemer, "entry")
    assert row is not None
    answers = {"birth_year": 1988, "employment_status": "employed", "education": "isced_3_4"}
    questionnaires.correct(world.store, row.id, answers, "Teil 1 nachgereicht")
    esf = _esf(world)
    assert world.oemer in esf.entries
    assert world.oemer not in esf.not_counted


def test_followups_and_cap(world: World) -> None:
    from zz_desktop.services.followups import create_followup

    create_followup(
        world.store,
        {
            "organisation_id": world.bakery,
            "text": "Angebot prüfen",
            "due_date": dt.date(2026, 2, 1),
        },
    )
    create_followup(
        world.store,
        {"organisation_id": world.bakery, "text": "Anrufen", "due_date": dt.date(2026, 5, 1)},
    )
    summary = followups_for(world.store, Q1, as_of=dt.date(2026, 3, 31))
    assert (summary.open, summary.overdue) == (2, 1)
    assert (summary.due_in_period, summary.done_in_period) == (1, 0)
    assert summary.items[0].organisation == "Bäckerei Müller GmbH"
    assert organisations_near_cap(world.store, near_hours=1.0)[0].organisation_id in {
        world.bakery,
        world.trading,
    }
    assert organisations_near_cap(world.store) == []


def test_suppression_hides_small_cells_and_protects_them_from_totals() -> None:
    cells, rows, cols, total = suppress([[3, 10], [8, 12]], 5)
    assert cells[0][0] == "<5"
    assert cells[0][1] == "•"  # row total 13 would reveal the 3
    assert cells[1][0] == "•"  # column total 11 would reveal the 3
    assert rows == [13, 20] and cols == [11, 22] and total == 33
    cells, _, cols, _ = suppress([[0], [7], [2]], 5, row_totals=False)
    assert cells == [[0], ["•"], ["<5"]] and cols == [9]
    cells, _, _, _ = suppress([[1], [2]], 5, False, False)
    assert cells == [["<5"], ["<5"]]


def test_selfemployed_report_is_suppressed(world: World) -> None:
    report = selfemployed_report(world.store, Q1)
    assert report.consultations == "<5" and report.persons == "<5"
    assert report.fee_bands.cells[0][1] == "<5"
    for table in (report.health_insurance, report.pension, report.platform_work):
        assert all(isinstance(c, str) or c == 0 or c >= 5 for row in table.cells for c in row)


def test_period_presets() -> None:
    assert Period.parse("2026-10") == Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert Period.parse("2026Q3") == Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert Period.parse("2024-02").end == dt.date(2024, 2, 29)
    assert Period.parse("2026") == Period.year(2026)
    with pytest.raises(Exception, match="2026-13"):
        Period.parse("2026-13")


# ---------------------------------------------------------------- PDFs


def test_esf_pdf_shows_eeco19_once_and_lists_incomplete(world: World) -> None:
    text = _text(reports.render(world.store, "esf", Q1))
    # EECO19 new in Q1 and cumulative (Nguyễn Trading entered in 2025).
    assert "Unterstützte KMU insgesamt (EECO19) 1 2" in text
    assert "Kleinstunternehmen 1 1" in text
    assert "EECO01 Teilnehmende insgesamt 1 1 0 0 2" in text
    assert "Ömer Yılmaz" in text and "Łucja Wróbel" in text
    assert "unvollständig" in text and "fehlt" in text
    assert "Zoë Krüger" not in text  # counted, so not listed
    assert "Zukunftszentrum Thüringen" in text
    assert "Seite 1 von" in text
    assert "Europäischen Sozialfonds Plus (ESF Plus) gefördert" in text


def test_protocol_pdf_umlauts_vietnamese_fonts_and_audit(world: World) -> None:
    pdf = reports.render(world.store, "protocol", consultation_id=world.c_bakery_1)
    text = _text(pdf)
    for needle in (
        "Beratungsprotokoll",
        "Bäckerei Müller GmbH",
        "Anna Nguyễn (Geschäftsführerin)",
        "Jürgen Weiß",
        "Thüringen",
        "Straße des Friedens 3, 07743 Jena",
        "Künstliche Intelligenz in der Arbeitswelt",
        "Schichtpläne",
        "Seite 1 von",
    ):
        assert needle in text, needle
    fonts = _fonts(pdf)
    assert fonts and all(f["subtype"] == "TrueType" or f["subtype"] == "Type0" for f in fonts)
    assert all(f["embedded"] for f in fonts), fonts
    assert any("DejaVuSans" in f["name"] for f in fonts)
    data = protocol_data(world.store, world.c_bakery_1)
    assert data.participants[0].function_title == "Geschäftsführerin"
    from zz_desktop.services.report_audit import record_print

    record_print(world.store, world.c_bakery_1)
    with world.store.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == world.c_bakery_1)
        ).all()
    assert "print" in actions


def _fonts(pdf: bytes) -> list[dict[str, Any]]:
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            found.append(
                {
                    "name": str(font.get("/BaseFont")),
                    "subtype": str(font.get("/Subtype")).lstrip("/"),
                    "embedded": any(k in desc for k in ("/FontFile2", "/FontFile3", "/FontFile")),
                    "truetype": "/FontFile2" in desc,
                }
            )
    return found


def test_every_font_is_embedded_truetype(world: World) -> None:
    for kind in ("activity", "esf", "selfemployed"):
        fonts = _fonts(reports.render(world.store, kind, Q1))
        assert fonts and all(f["embedded"] and f["truetype"] for f in fonts), (kind, fonts)


def test_english_activity_report(world: World) -> None:
    text = _text(reports.render(world.store, "activity", Q1, lang="en"))
    assert "Activity report" in text and "Page 1 of" in text
    assert "Consultations in total 5" in text
    assert "European Social Fund Plus" in text


def test_funding_line_is_configurable(world: World) -> None:
    world.store.set_setting("reports.funding_line", "Gefördert durch das Land Thüringen.")
    text = _text(reports.render(world.store, "esf", Q1))
    assert "Gefördert durch das Land Thüringen." in text


def test_followups_for_the_period_and_as_of_a_stated_date(world: World) -> None:
    """Due in / done in the period, open as of a date: the same whenever the report is printed."""
    from zz_desktop.services.followups import create_followup, delete_followup, update_followup

    def made(text: str, due: str, done: str | None = None) -> str:
        fid = create_followup(
            world.store,
            {"organisation_id": world.bakery, "text": text, "due_date": dt.date.fromisoformat(due)},
        ).id
        if done:
            update_followup(world.store, fid, {"done_at": dt.datetime.fromisoformat(done)})
        return fid

    made("vor Q1 fällig, in Q1 erledigt", "2025-12-15", "2026-02-01T10:00")
    made("in Q1 fällig, nach Q1 erledigt", "2026-02-10", "2026-05-01T10:00")
    made("in Q1 fällig, offen", "2026-03-30")
    made("nach Q1 fällig", "2026-06-01")
    gone = made("gelöscht", "2026-02-01")
    delete_followup(world.store, gone)
    q1 = followups_for(world.store, Q1, as_of=Q1.end)
    assert (q1.due_in_period, q1.done_in_period) == (2, 1)
    # As of 31 March: the one done in May was still open (and overdue), so was the March one.
    assert (q1.open, q1.overdue) == (3, 2)
    assert {i.text for i in q1.items} == {"in Q1 fällig, nach Q1 erledigt", "in Q1 fällig, offen"}
    later = followups_for(world.store, Q1, as_of=dt.date(2026, 6, 30))
    assert (later.open, later.overdue) == (2, 2)
    assert followups_for(world.store, Q1, today=dt.date(2026, 3, 1)).as_of == dt.date(2026, 3, 1)
