"""The calendar page (week and month grid, navigation, export) and views refreshing after a
pull announced a ChangeSet (real widgets, offscreen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.gui.helpers import wait_ops
from zz_desktop.services import consultations, events, followups, organisations

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def lang() -> str:
    return "de"


def _fill(store: Any, monday: dt.date) -> dict[str, str]:
    org = organisations.create_organisation(store, {"name": "Schulz Anlagenbau GmbH"})
    cons = consultations.record_consultation(
        store,
        {
            **consultations.new_consultation_defaults(store, org.id),
            "title": "Fördermittel Halle",
            "date": monday - dt.timedelta(days=3),
            "next_appointment": monday + dt.timedelta(days=2),
        },
    ).consultation
    fu = followups.create_followup(
        store,
        {
            "organisation_id": org.id,
            "text": "Angebot nachfassen",
            "due_date": monday + dt.timedelta(days=1),
        },
    )
    ev = events.create_event(
        store,
        {
            "title": "Workshop KI im Büro",
            "type": "workshop",
            "start_date": monday + dt.timedelta(days=3),
            "end_date": monday + dt.timedelta(days=4),
            "place": "Weißenfels",
        },
    )
    return {"cons": cons.id, "fu": fu.id, "ev": ev.id}


def _cells(page: Any) -> list[str]:
    grid = page.grid
    return [
        grid.item(r, c).text() for r in range(grid.rowCount()) for c in range(grid.columnCount())
    ]


def test_week_and_month_view(window: Any, store: Any, qtbot: Any, tmp_path: Path) -> None:
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    ids = _fill(store, monday)
    window.show_page("calendar")
    page = window.calendar_page
    page.refresh()
    wait_ops(qtbot)
    assert page.grid.rowCount() == 1 and page.grid.columnCount() == 7
    cells = _cells(page)
    assert "☐ Angebot nachfassen – Schulz Anlagenbau GmbH" in cells[1]
    assert "◆ Termin: Schulz Anlagenbau GmbH" in cells[2]
    assert "Workshop KI im Büro" in cells[3] and "Workshop KI im Büro" in cells[4]  # two days
    window.resize(1100, 700)
    window.grab().save(str(SHOTS / "calendar-week.png"))
    with qtbot.waitSignal(page.open_record) as opened:
        page._open_cell(0, 3)
    assert opened.args == ["event", ids["ev"]]
    window.close_detail()
    page.month_button.click()
    wait_ops(qtbot)
    assert page.grid.rowCount() in (4, 5, 6)
    assert sum("Angebot nachfassen" in c for c in _cells(page)) == 1
    window.grab().save(str(SHOTS / "calendar-month.png"))
    page.next_button.click()
    wait_ops(qtbot)
    assert page.day.month != dt.date.today().month
    page.today_button.click()
    wait_ops(qtbot)
    out = tmp_path / "t.ics"
    page.export(out)
    wait_ops(qtbot)
    cal = Calendar.from_ical(out.read_bytes())
    assert {str(e.get("summary")) for e in cal.walk("VEVENT")} == {
        "Angebot nachfassen",
        "Termin: Schulz Anlagenbau GmbH",
        "Workshop KI im Büro",
    }


def test_views_refresh_after_a_pull(window: Any, store: Any, qtbot: Any) -> None:
    """A round that pulled rows announces a ChangeSet: the calendar shows what arrived."""
    from zz_desktop.sync.engine import SyncReport
    from zz_desktop.ui.sync_ui import install_sync

    controller = install_sync(window, store)
    page = window.calendar_page
    wait_ops(qtbot)
    assert not any("Angebot" in c for c in _cells(page))
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    # rows written behind the GUI's back, as the sync engine's apply does
    _fill(store, monday)
    controller._on_done(SyncReport(pulled=3), None)
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: any("Angebot nachfassen" in c for c in _cells(page)), timeout=5000)
    controller._on_done(SyncReport(), None)  # nothing pulled: nothing announced
