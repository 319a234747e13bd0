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
