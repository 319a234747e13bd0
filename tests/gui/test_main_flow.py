"""The advisor's day as a user drives it, in German and in English: create an organisation
(with a validation error first), a person, a consultation with topics, a participant and a
follow-up via Ctrl+N on the organisation page, find it with Ctrl+K, edit it, delete it, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from tests.gui.helpers import find_top, key, type_text, wait_ops
from zz_desktop.store.models import (
    Consultation,
    ConsultationParticipant,
    FollowUp,
    Organisation,
    Person,
)

pytestmark = pytest.mark.gui

NAV = {"de": "Organisationen", "en": "Organisations"}
NAME_REQUIRED = {"de": "Der Name ist ein Pflichtfeld.", "en": "The name is required."}


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    key(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_advisor_day(window, store, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.consultation_form import ConsultationForm
    from zz_desktop.ui.dialogs.records import OrganisationDialog, PersonDialog
    from zz_desktop.ui.dialogs.search_popup import SearchPopup
    from zz_desktop.ui.views.organisation_page import OrganisationPage

    assert window.nav.item(1).text() == NAV[lang]
    assert window.findChild(object, "syncAction").isEnabled() is False

    # 1. organisation — first without a name: the message appears under the field
    window.show_page("organisation")
    qtbot.mouseClick(window.lists["organisation"].new_button, Qt.MouseButton.LeftButton)
    dialog = find_top(OrganisationDialog)
    assert dialog is not None
    _save(dialog)
    wait_ops(qtbot)
    error = dialog.form.errors["name"]
    assert error.isVisible() and error.text() == NAME_REQUIRED[lang]
    assert QApplication.focusWidget() is dialog.form.fields["name"]
    type_text(dialog.form.fields["name"], "Tischlerei Müller & Söhne")
    type_text(dialog.form.fields["city"], "Görlitz")
    type_text(dialog.form.fields["employees"], "12")
    _save(dialog)
    wait_ops(qtbot)
    assert not dialog.isVisible()
    with store.read() as s:
        org = s.scalars(select(Organisation)).one()
    assert org.name == "Tischlerei Müller & Söhne" and org.employees == 12
    page = window.pages.currentWidget()
    assert isinstance(page, OrganisationPage) and page.org_id == org.id

    # 2. person of the organisation
    qtbot.mouseClick(page.findChild(object, "orgAddPerson"), Qt.MouseButton.LeftButton)
    pdialog = find_top(PersonDialog)
    type_text(pdialog.form.fields["first_name"], "Jürgen")
    type_text(pdialog.form.fields["last_name"], "Weiß")
    gender = pdialog.form.fields["gender"]
    assert gender.currentData() is None  # nothing preselected: the advisor asks (issue 10)
    gender.setCurrentIndex(gender.findData("male"))
    _save(pdialog)
    wait_ops(qtbot)
    assert page.persons.topLevelItemCount() == 1

    # 3. Ctrl+N on the organisation page: a consultation pre-filled for the visit
    key(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = find_top(ConsultationForm)
    assert form is not None
    assert form.org_picker.value_() == org.id
    assert form.form.fields["mode"].currentData() == "on_site"
    type_text(form.form.fields["title"], "Erstgespräch KI-Einführung")
    type_text(form.topic_input, {"de": "Künstliche", "en": "AI at"}[lang])
    key(form.topic_input, Qt.Key.Key_Return)
    assert form.chips.codes() == ["ai_at_work"]
    form.participants.item(0).setCheckState(Qt.CheckState.Checked)
    type_text(form.fu_text, "Förderangebot schicken")
    key(form.fu_text, Qt.Key.Key_Return)
    assert len(form.new_followups()) == 1
    type_text(form.texts.fields["findings"], "Großes Interesse an Schulungen.")
    _save(form)
    wait_ops(qtbot)
    assert not form.isVisible()
    with store.read() as s:
        cons = s.scalars(select(Consultation)).one()
        assert cons.topics == ["ai_at_work"] and cons.organisation_id == org.id
        assert cons.findings == "Großes Interesse an Schulungen."
        assert (
            s.scalars(select(ConsultationParticipant.person_id)).one()
            == s.scalars(select(Person.id)).one()
        )
        fu = s.scalars(select(FollowUp)).one()
        assert fu.text == "Förderangebot schicken" and fu.due_date > dt.date.today()

    # 4. find it with Ctrl+K, keyboard only
    key(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = find_top(SearchPopup)
    assert popup is not None
    type_text(popup.input, "erstgespr")
    assert popup.results.count() >= 1
    key(popup.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: find_top(ConsultationForm) is not None)
    edit = find_top(ConsultationForm)
    assert edit.consultation_id == cons.id

    # 5. edit
    edit.form.fields["title"].clear()
    type_text(edit.form.fields["title"], "Zweitgespräch")
    _save(edit)
    wait_ops(qtbot)
    with store.read() as s:
        assert s.get(Consultation, cons.id).title == "Zweitgespräch"

    # 6. delete from the list, then undo with the button and with Ctrl+Z
    window.show_page("consultation")
    lst = window.lists["consultation"]
    assert lst.model.total() == 1
    lst.view.setFocus()
    lst.view.selectRow(0)
    key(lst.view, Qt.Key.Key_Delete)
    wait_ops(qtbot)
    assert lst.model.total() == 0
    assert window.undo_button.isVisible()
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert lst.model.total() == 1
    with store.read() as s:
        assert s.get(Consultation, cons.id).deleted is False
    lst.view.selectRow(0)
    key(lst.view, Qt.Key.Key_Delete)
    wait_ops(qtbot)
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot)
    assert lst.model.total() == 1
    assert not window.undo_button.isVisible()
    # every change of the day waits in the outbox (one op per row, audit entries inside)
    from zz_desktop.services import sync_service

    pending = sync_service.status(store).pending
    assert pending >= 5  # organisation, person, consultation, participant, follow-up
    assert window.pending_label.text().endswith(f": {pending}")


def test_language_strings(window, lang) -> None:  # type: ignore[no-untyped-def]
    save = {"de": "Speichern", "en": "Save"}[lang]
    assert (
        window.findChild(object, "syncAction").text()
        == {"de": "Synchronisieren", "en": "Synchronise"}[lang]
    )
    from zz_desktop.ui.dialogs.records import OrganisationDialog

    dialog = OrganisationDialog(window.store, None, window)
    assert (
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "") == save
    )
    dialog.close()
    assert (
        window.sync_label.text()
        == {"de": "Synchronisation: nicht verbunden", "en": "Sync: not connected"}[lang]
    )
