"""The main window reaches the parts built on their own: import wizard, duplicate scan, sync
menu entries, and "Protokoll drucken" from a saved consultation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from tests.gui.helpers import find_top, wait_ops
from zz_desktop.services import consultations, organisations

pytestmark = pytest.mark.gui


def test_import_and_duplicate_dialogs_open(window: Any, qtbot: Any) -> None:
    from zz_desktop.ui.dialogs.import_wizard import ImportWizard
    from zz_desktop.ui.dialogs.merge_dialog import DuplicateScanDialog

    window.findChild(QAction, "importAction").trigger()
    wizard = find_top(ImportWizard)
    assert wizard is not None
    wizard.close()
    window.findChild(QAction, "duplicatesAction").trigger()
    qtbot.waitUntil(lambda: find_top(DuplicateScanDialog) is not None, timeout=5000)
    wait_ops(qtbot)
    find_top(DuplicateScanDialog).close()


def test_sync_menu_entries_are_connected(window: Any, store: Any) -> None:
    from zz_desktop.ui.sync_ui import install_sync

    window.attach_sync(install_sync(window, store))
    sync = window.findChild(QAction, "syncAction")
    assert sync.isEnabled()
    assert window.findChild(QAction, "loginAction").receivers("2triggered(bool)") >= 1


def test_print_protocol_from_the_consultation_form(window: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.dialogs.consultation_form import ConsultationForm
    from zz_desktop.ui.dialogs.protocol_print import ProtocolDialog

    org = organisations.create_organisation(store, {"name": "Glaserei Thüringer Glas GmbH"})
    saved = consultations.record_consultation(
        store,
        consultations.new_consultation_defaults(store, org.id) | {"findings": "Digitales Aufmaß"},
    )
    form = ConsultationForm(store, saved.consultation.id, None, window)
    qtbot.addWidget(form)
    form.show()
    form.findChild(QPushButton, "printProtocol").click()
    qtbot.waitUntil(lambda: find_top(ProtocolDialog) is not None, timeout=20_000)
    wait_ops(qtbot)
    find_top(ProtocolDialog).close()
    form.close()
