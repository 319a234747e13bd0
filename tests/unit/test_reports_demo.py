"""Every report made from demo data and read back: the PDF's totals, per-topic and per-gender
figures are exactly what the query functions return."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest

from zz_desktop import reports
from zz_desktop.reports.labels import Labeller, label
from zz_desktop.reports.layout import fmt_int, fmt_num
from zz_desktop.reports.queries.activity import activity_totals, breakdown
from zz_desktop.reports.queries.esf import GENDER_KEYS, esf_operation
from zz_desktop.reports.queries.period import Period
from zz_desktop.reports.queries.protocol import consultations_in
from zz_desktop.reports.queries.selfemployed import selfemployed_report
from zz_desktop.services.demo import generate_demo

YEAR = Period.year(2026)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from zz_desktop.store.database import open_store

    store = open_store(tmp_path_factory.mktemp("demo") / "p", passphrase="demo-geheim", create=True)
    generate_demo(store, consultations=600, seed=11)
    yield store
    store.close()


def _lines(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [ln for page in doc.pages for ln in (page.extract_text() or "").splitlines()]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_activity_report_matches_queries(demo_store: Any, lang: str) -> None:
    lines = _lines(reports.render(demo_store, "activity", YEAR, lang=lang))
    text = "\n".join(lines)
    tot = activity_totals(demo_store, YEAR)
    total_label = "Beratungen insgesamt" if lang == "de" else "Consultations in total"
    assert f"{total_label} {fmt_int(tot.consultations, lang)}" in text
    for kind, n in tot.by_kind.items():
        assert f"{label(lang, 'kind', kind)} {fmt_int(n, lang)}" in text
    lab = Labeller(demo_store, lang)
    topics = breakdown(demo_store, YEAR, "topic")
    assert topics
    for row in topics:
        expected = " ".join(
            (
                lab.topic(row.key),
                fmt_int(row.consultations, lang),
                fmt_num(row.hours, lang),
                fmt_int(row.organisations, lang),
            )
        )
        assert expected in lines, expected


def test_esf_report_matches_queries(demo_store: Any) -> None:
    lines = _lines(reports.render(demo_store, "esf", YEAR))
    fig = esf_operation(demo_store, YEAR.start, YEAR.end)
    assert fig.new_in_period["EECO01"]["total"] > 0
    assert fig.cumulative["EECO01"]["total"] >= fig.new_in_period["EECO01"]["total"]
    for key, code in (("total", "EECO01"), ("18_29", "EECO07"), ("55_plus", "EECO08")):
        for table in (fig.new_in_period, fig.cumulative):
            counts = table[code]
            figures = " ".join(fmt_int(counts[g], "de") for g in GENDER_KEYS.values())
            row = (
                f"{code} {label('de', 'indicator', key)} {figures} {fmt_int(counts['total'], 'de')}"
            )
            assert row in lines, row
    smes = fig.new_in_period["EECO19"]["total"], fig.cumulative["EECO19"]["total"]
    assert (
        f"Unterstützte KMU insgesamt (EECO19) {fmt_int(smes[0], 'de')} {fmt_int(smes[1], 'de')}"
        in lines
    )
    text = "\n".join(lines)
    assert fig.not_counted_detail, "the demo has persons without a complete Teil 1"
    for item in fig.not_counted_detail[:3]:
        assert item.name in text


def test_selfemployed_report_shows_only_suppressed_cells(demo_store: Any) -> None:
    report = selfemployed_report(demo_store, YEAR)
    text = "\n".join(_lines(reports.render(demo_store, "selfemployed", YEAR)))
    assert f"Beratungen {fmt_int(report.consultations, 'de')}" in text
    for table in (report.by_topic, report.health_insurance, report.fee_bands):
        for row in table.cells:
            for cell in row:
                assert isinstance(cell, str) or cell == 0 or cell >= report.threshold


def test_protocol_from_demo(demo_store: Any) -> None:
    cid, _, name = consultations_in(demo_store, YEAR, limit=1)[0]
    text = "\n".join(_lines(reports.render(demo_store, "protocol", consultation_id=cid)))
    assert "Beratungsprotokoll" in text and "Seite 1 von" in text
    assert name.split()[0] in text
