"""The manager's start page shows the team overview; an advisor's does not (real widgets)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.gui.helpers import wait_ops
from tests.unit.test_team_overview import fill
from zz_desktop.store.models import AppUser

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def lang() -> str:
    return "de"


@pytest.fixture
def manager(store: Any) -> Any:
    with store.write() as s:
        s.get(AppUser, store.actor.user_id).role = "manager"
    return store


def test_advisor_has_no_team_overview(window: Any) -> None:
    assert window.start_page.team is None


def test_manager_sees_the_team(app: Any, manager: Any, qtbot: Any) -> None:
    from zz_desktop.ui.mainwindow import MainWindow

    ids = fill(manager, dt.date.today())
    win = MainWindow(manager)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    win.show()
    wait_ops(qtbot)
    overview = win.start_page.team
    assert overview is not None and overview.isVisible()
    rows = {
        overview.advisors.topLevelItem(i).text(0): [
            overview.advisors.topLevelItem(i).text(c) for c in (1, 2, 3)
        ]
        for i in range(overview.advisors.topLevelItemCount())
    }
    assert rows["Anna Beraterin"] == ["2", "2", "1"]
    assert rows["Ben Berater"] == ["1", "0", "0"]
    assert rows["(keine Beratenden erfasst)"][0] == "1"
    assert overview.near_cap.topLevelItem(0).text(0) == "Schulz Anlagenbau GmbH"
    assert overview.near_cap.topLevelItem(0).text(1) == "64,0"
    assert overview.events.topLevelItemCount() == 1
    assert "meldet" in overview.sync_label.text()
    win.grab().save(str(SHOTS / "start-manager.png"))
    with qtbot.waitSignal(win.start_page.open_record) as opened:
        overview._open(overview.near_cap.topLevelItem(0))
    assert opened.args == ["organisation", ids["org"]]
    wait_ops(qtbot)
