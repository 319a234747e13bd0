"""The privacy screens are reachable as a user finds them: from the person form and the Edit
menu (issue 13 wiring)."""

from __future__ import annotations

from zz_desktop.services import persons
from zz_desktop.ui.dialogs.records import PersonDialog
from zz_desktop.ui.mainwindow import MainWindow
from zz_desktop.ui.views.person_privacy_tab import PersonPrivacyTab
from zz_desktop.ui.views.retention_page import RetentionPage


def test_person_form_opens_privacy_and_menu_opens_retention(qtbot, store) -> None:
    person = persons.create_person(
        store, {"first_name": "Erika", "last_name": "Musterfrau", "gender": "female"}
    )
    dialog = PersonDialog(store, person.id)
    qtbot.addWidget(dialog)
    privacy = dialog.open_privacy()
    assert privacy.findChild(PersonPrivacyTab) is not None
    privacy.grab().save("docs/screenshots/person-privacy-dialog.png")
    privacy.reject()
    window = MainWindow(store)
    qtbot.addWidget(window)
    retention = window.open_retention()
    assert retention.findChild(RetentionPage) is not None
    retention.reject()
