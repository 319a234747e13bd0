"""The start page: follow-ups due (overdue marked) and recent consultations, read on a worker;
marking one done takes it off the list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import wait_ops
from zz_desktop.services import consultations, followups, listing, organisations

pytestmark = pytest.mark.gui


def test_start_page_lists_due_followups_and_recent_consultations(app, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.mainwindow import MainWindow

    org = organisations.create_organisation(store, {"name": "Bäckerei Nowak", "city": "Bautzen"})
    today = dt.date.today()
    overdue = followups.create_followup(
        store, {"organisation_id": org.id, "text": "Angebot nachfassen",
                "due_date": today - dt.timedelta(days=3)},
    )  # fmt: skip
    followups.create_followup(
        store, {"organisation_id": org.id, "text": "Förderantrag prüfen", "due_date": today},
    )  # fmt: skip
    followups.create_followup(
        store, {"organisation_id": org.id, "text": "Später", "due_date": today + dt.timedelta(7)},
    )  # fmt: skip
    consultations.record_consultation(
        store,
        consultations.new_consultation_defaults(store, org.id)
        | {"date": today, "title": "Erstgespräch Kasse"},
        [],
    )
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    wait_ops(qtbot)
    page = win.start_page
    due = page.followups
    texts = [due.topLevelItem(i).text(1) for i in range(due.topLevelItemCount())]
    assert texts == ["Förderantrag prüfen", "Angebot nachfassen"]  # most recent due first
    assert page.due_total == 2
    assert due.topLevelItem(1).toolTip(0) and not due.topLevelItem(0).toolTip(0)  # overdue
    assert due.topLevelItem(0).text(2) == "Bäckerei Nowak"
    assert page.recent.topLevelItemCount() == 1
    assert page.recent.topLevelItem(0).text(1) == "Bäckerei Nowak"

    due.setCurrentItem(due.topLevelItem(1))
    qtbot.mouseClick(page.findChild(object, "followupDone"), Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    wait_ops(qtbot)  # the change reloads the page on a worker
    texts = [due.topLevelItem(i).text(1) for i in range(due.topLevelItemCount())]
    assert texts == ["Förderantrag prüfen"]
    still_open = listing.list_ids(store, "followup", {"open": True}, ("due_date", False), 10)
    assert overdue.id not in still_open and len(still_open) == 2
    win.close()
