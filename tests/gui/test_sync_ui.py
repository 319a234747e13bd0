"""The GUI side of sync: the toolbar action runs a round in the background and updates the
status bar; the conflict inbox shows both values and resolves a conflict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from tests.sync.support import Device, InProcessHub
from zz_desktop.services import sync_service
from zz_desktop.store.models import Organisation
from zz_hub.testing import sqlite_url

pytestmark = pytest.mark.gui


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.status_texts: list[str] = []
        action = QAction("Sync", self)
        action.setObjectName("syncAction")
        self.addAction(action)

    def set_sync_status(self, text: str) -> None:
        self.status_texts.append(text)


@pytest.fixture(scope="module")
def gui_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessHub]:
    hub = InProcessHub(sqlite_url(tmp_path_factory.mktemp("guihub")))
    hub.start()
    yield hub
    hub.stop()


def test_sync_action_and_conflict_inbox(
    qtbot, gui_hub: InProcessHub, tmp_path: Path, memory_keyring
) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.conflict_inbox import ConflictInbox
    from zz_desktop.ui.sync_ui import install_sync

    _code, users = gui_hub.new_centre((("a", "advisor"), ("b", "advisor")))
    a = Device(tmp_path, "a", gui_hub.base_url, users[0])
    b = Device(tmp_path, "b", gui_hub.base_url, users[1])
    with a.store.write() as s:
        org = Organisation(name="Tischlerei Krause")
        s.add(org)
    window = Window()
    qtbot.addWidget(window)
    controller = install_sync(window, a.store)
    with qtbot.waitSignal(controller.finished, timeout=30_000) as blocker:
        pass  # the start-up round
    assert blocker.args[1] is None
    action = window.findChild(QAction, "syncAction")
    assert action is not None and action.isEnabled()
    assert any("0" in t for t in window.status_texts)

    b.sync()
    with b.store.write() as s:
        s.get(Organisation, org.id).city = "Halle"
    with a.store.write() as s:
        s.get(Organisation, org.id).city = "Leipzig"
    b.sync()
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        action.trigger()
    assert sync_service.status(a.store).open_conflicts == 1

    inbox = ConflictInbox(a.store, window)
    qtbot.addWidget(inbox)
    assert {inbox.current.toPlainText(), inbox.other.toPlainText()} == {"Halle", "Leipzig"}
    # Named as a person knows it: the record's title and the field's label, no ids.
    assert "Tischlerei Krause" in inbox.list.item(0).text()
    assert org.id not in inbox.title.text() and "Tischlerei Krause" in inbox.title.text()
    conflict = inbox.items[0]
    assert conflict.author_current and conflict.author_current not in inbox.current_by.text()
    assert conflict.author_current_name in inbox.current_by.text()  # the author's name
    assert "." in inbox.current_by.text()  # the local date and time of the change
    inbox.keep_other.click()
    assert sync_service.status(a.store).open_conflicts == 0
    assert inbox.list.count() == 0
    controller.pool.waitForDone(10_000)
    a.close()
    b.close()


def test_refused_change_is_shown_and_can_be_dismissed(
    qtbot, gui_hub: InProcessHub, tmp_path: Path, memory_keyring
) -> None:  # type: ignore[no-untyped-def]
    """A change the hub refuses is announced in the status bar after the round and listed in
    Sync problems with the record's title and the reason (never the value)."""
    from zz_desktop.services import sync_problems
    from zz_desktop.ui.dialogs.sync_problems_dialog import SyncProblemsDialog
    from zz_desktop.ui.sync_ui import install_sync

    _code, users = gui_hub.new_centre((("a", "advisor"),))
    a = Device(tmp_path, "a", gui_hub.base_url, users[0])
    with a.store.write() as s:
        org = Organisation(name="Bäckerei Sonderwert", sme_class="gigantic")  # not in the list
        s.add(org)
    window = QMainWindow()
    window.addAction(QAction("Sync", window))
    window.actions()[0].setObjectName("syncAction")
    qtbot.addWidget(window)
    controller = install_sync(window, a.store)
    with qtbot.waitSignal(controller.finished, timeout=30_000) as blocker:
        pass  # the start-up round
    assert blocker.args[0].rejected == 1
    assert "1" in window.statusBar().currentMessage()
    dialog = SyncProblemsDialog(a.store, window)
    qtbot.addWidget(dialog)
    assert dialog.rejected.rowCount() == 1
    assert "Bäckerei Sonderwert" in dialog.rejected.item(0, 0).text()
    from zz_desktop.ui.dialogs.conflict_inbox import field_label

    reason = dialog.rejected.item(0, 1).text()
    assert field_label("sme_class") in reason and "gigantic" not in reason  # the field, no value
    dialog.rejected.selectRow(0)
    dialog.dismiss.click()
    assert dialog.rejected.rowCount() == 0
    assert sync_problems.rejected_ops(a.store) == []
    controller.pool.waitForDone(10_000)
    a.close()
