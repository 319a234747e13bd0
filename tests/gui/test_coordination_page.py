"""The coordination dashboard on cached published tables: chart per centre, alert table, PNG
and CSV export, a quarter without figures explained in the page; screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_coordination import _seed_cache

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_dashboard_from_the_cache(
    app: Any, lang: str, qtbot: Any, store: Any, tmp_path: Path
) -> None:
    from zz_desktop.ui.views.coordination_page import CoordinationPage

    _seed_cache(store)
    page = CoordinationPage(store)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    assert page.period.currentText() == "2026-Q2"
    series = page.chart.series()
    assert len(series) == 1 and [s.label() for s in series[0].barSets()] == ["2026-Q1", "2026-Q2"]
    assert [series[0].barSets()[1].at(i) for i in range(2)] == [80, 88]  # ZZ-SN, ZZ-ST
    from zz_desktop import i18n
    from zz_desktop.store.models import Topic

    with store.read() as s:
        ai = s.get(Topic, "ai_at_work")
        label = ai.label_de if lang == "de" else ai.label_en
    assert i18n.get_language() == lang
    keys = {page.alerts.item(r, 1).text() for r in range(page.alerts.rowCount())}
    assert label in keys
    assert "02.07.2026 08:00" in page.figures.text()

    png, csv = tmp_path / "chart.png", tmp_path / "alerts.csv"
    assert page.export_png(str(png)) and png.stat().st_size > 1000
    page.export_csv(str(csv))
    lines = csv.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("dimension;key") and len(lines) == page.alerts.rowCount() + 1
    name = "coordination-dashboard" + ("" if lang == "de" else "-en")
    page.grab().save(str(SHOTS / f"{name}.png"))

    page.period.setCurrentText("2026-Q1")  # its previous quarter was never fetched
    assert "2025-Q4" in page.message.text()


@pytest.fixture
def coordinator_store(store: Any) -> Any:
    from zz_desktop.sync import state

    _seed_cache(store)
    state.put(store, **{state.ROLE: "coordinator"})
    return store


def test_the_main_window_of_a_coordinator_has_the_dashboard(
    coordinator_store: Any, window: Any, qtbot: Any
) -> None:
    from zz_desktop.ui.views.coordination_page import CoordinationPage

    assert window.PAGES[-1] == "coordination"
    window.nav.setCurrentRow(len(window.PAGES) - 1)
    page = window.pages.currentWidget()
    assert isinstance(page, CoordinationPage)
    assert page.period.currentText() == "2026-Q2" and page.alerts.rowCount() > 0


CHART_TABS = (
    "centreTimeChart",
    "topicTrendChart",
    "topicSectorHeat",
    "landReachChart",
    "kreisReachChart",
    "centreComparisonChart",
)


def test_dashboard_charts_filters_and_exports(
    app: Any, lang: str, qtbot: Any, store: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from tests.unit.test_coordination_views import seed_views
    from zz_desktop.ui.views.coordination_charts import ChartTab
    from zz_desktop.ui.views.coordination_page import CoordinationPage

    _seed_cache(store)
    seed_views(store, "2026-Q2")
    seed_views(store, "2026")
    seed_views(store, "2026-Q2", {"centre": "ZZ-ST"}, scale=0.4)
    page = CoordinationPage(store)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    assert [page.period.itemText(i) for i in range(page.period.count())] == [
        "2026-Q2",
        "2026-Q1",
        "2026",
    ]
    tabs = {page.tabs.widget(i).objectName(): i for i in range(page.tabs.count())}
    assert set(CHART_TABS) <= set(tabs)
    charts = {name: page.tabs.widget(tabs[name]) for name in CHART_TABS}
    assert all(isinstance(c, ChartTab) for c in charts.values())

    # Centres over time: one bar set per centre; the comparison: consultations and SMEs.
    sets = charts["centreTimeChart"].chart.series()[0].barSets()
    assert sorted(s.label() for s in sets) == ["ZZ-SN", "ZZ-ST", "ZZ-TH"]
    # Over time: the quarters of the period's year.
    assert [row[0] for row in charts["centreTimeChart"].rows] == ["2026-Q1", "2026-Q2"]
    comparison = charts["centreComparisonChart"]
    assert comparison.rows == [["ZZ-SN", 80, 40], ["ZZ-ST", 88, 44], ["ZZ-TH", 41, 20]]
    assert len(charts["topicTrendChart"].chart.series()) == 4
    heat = charts["topicSectorHeat"]
    assert (
        heat.header[1:] == ["C", "J", "Q"] and heat.heat.item(0, 1).background().color().isValid()
    )
    assert heat.heat.horizontalHeaderItem(2).toolTip().startswith("J")
    kreise = [row[0] for row in charts["kreisReachChart"].rows]
    assert kreise[0] == "Dresden" and "Magdeburg" in kreise
    lands = [row[0] for row in charts["landReachChart"].rows]
    assert ("Sachsen-Anhalt" if lang == "de" else "Saxony-Anhalt") in lands

    # Every chart as PNG, its table as CSV and XLSX (read back).
    for name in CHART_TABS:
        page.tabs.setCurrentIndex(tabs[name])
        tab = charts[name]
        png, csv, xlsx = (tmp_path / f"{name}.{ext}" for ext in ("png", "csv", "xlsx"))
        assert page.export_png(str(png)) and png.stat().st_size > 1000
        page.export_csv(str(csv))
        lines = csv.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].split(";") == tab.header and len(lines) == len(tab.rows) + 1
        page.export_xlsx(str(xlsx))
        sheet = load_workbook(xlsx).active
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert values[0] == tab.header and values[1:] == tab.rows
        if lang == "de":
            page.grab().save(str(SHOTS / f"coordination-{name}.png"))
    if lang == "en":
        page.tabs.setCurrentIndex(tabs["topicSectorHeat"])
        page.grab().save(str(SHOTS / "coordination-topicSectorHeat-en.png"))

    # A topic filter shows only the alerts about that topic (the same figures as unfiltered).
    everything = {(a.dimension, a.key) for a in page.data.alerts}
    page.topic.setCurrentIndex(page.topic.findData("ai_at_work"))
    shown = [(page.alerts.item(r, 0).text(), page.alerts.item(r, 1).text())
             for r in range(page.alerts.rowCount())]  # fmt: skip
    ai = "Intelligenz in der Arbeitswelt" if lang == "de" else "AI at work"
    assert shown and all(ai in key for _dim, key in shown), shown
    assert {(a.dimension, a.key) for a in page.shown_alerts()} < everything
    csv = tmp_path / "alerts.csv"
    page.tabs.setCurrentIndex(0)
    page.export_csv(str(csv))
    assert len(csv.read_text(encoding="utf-8-sig").splitlines()) == len(shown) + 1
    page.topic.setCurrentIndex(0)
    assert page.alerts.rowCount() == len(everything)

    # A centre filter shows that centre's cached figures; one not fetched yet says so.
    page.centre.setCurrentIndex(page.centre.findData("ZZ-ST"))
    assert comparison.rows == [["ZZ-ST", 35, 18]]
    page.topic.setCurrentIndex(page.topic.findData("ai_at_work"))
    assert comparison.rows == [] and "2026-Q2" in page.message.text()
    # Offline and never logged in: fetching says so next to the filters, the page stays usable.
    page.fetch_button.click()
    qtbot.waitUntil(lambda: not page.fetching, timeout=10_000)
    assert page.message.text() and page.fetch_button.isEnabled()
    page.topic.setCurrentIndex(0)
    page.centre.setCurrentIndex(0)
    page.period.setCurrentText("2026")  # a year: the charts, but the alerts need a quarter
    assert comparison.rows[0] == ["ZZ-SN", 80, 40] and page.alerts.rowCount() == 0
    assert page.message.text()
