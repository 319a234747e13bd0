"""The ESF questionnaire form (issue 11): reachable from the person form, an event's participant
list and a consultation's participants; saving records Teil 1, a second save is a correction (a
new version with its reason), messages appear under their fields, disability needs the Art. 9
consent. Screenshots of the form go to docs/screenshots/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from tests.gui.helpers import type_text, wait_ops
from zz_desktop.services import consents, consultations, events, organisations, persons
from zz_desktop.services import questionnaires as qs
from zz_desktop.ui.dialogs.questionnaire_dialog import QuestionnaireDialog
from zz_desktop.ui.dialogs.records import PersonDialog


def _choose(box: Any, code: str) -> None:
    box.setCurrentIndex(box.findData(code))


def test_person_form_opens_the_questionnaire_and_saves_versions(
    window: Any, store: Any, qtbot: Any, lang: str
) -> None:
    pid = persons.create_person(
        store, {"first_name": "Jürgen", "last_name": "Förster", "birth_year": 1971}
    ).id
    person_form = PersonDialog(store, pid)
    qtbot.addWidget(person_form)
    dialog = person_form.open_questionnaire()
    assert isinstance(dialog, QuestionnaireDialog)
    form = dialog.forms["entry"]
    assert "status" not in form.fields
    assert dialog.status["entry"].property("role") == "warning"
    # Taken over from the person only on request; gender is not preselected.
    dialog.take_over.click()
    assert form.values()["birth_year"] == 1971 and form.values()["gender"] is None
    _choose(form.fields["gender"], "male")
    _choose(form.fields["employment_status"], "long_term_unemployed")
    _choose(form.fields["education"], "isced_0_2")
    _choose(form.fields["homeless"], "no_answer")
    disability = form.fields["disability"]
    # Without the Art. 9 consent only "keine Angabe" can be chosen.
    assert not disability.model().item(disability.findData("yes")).isEnabled()
    assert disability.model().item(disability.findData("no_answer")).isEnabled()
    assert dialog.status["entry"].property("role") == "muted"
    dialog.grab().save(f"docs/screenshots/questionnaire-entry-{lang}.png")
    dialog.save()
    wait_ops(qtbot)
    first = qs.current(store, pid, "entry")
    assert first is not None and first.complete and first.age_at_entry is not None
    assert first.employment_status == "long_term_unemployed"
    assert dialog.history["entry"].topLevelItemCount() == 1
    # A correction without a reason: the message is under the reason field, nothing saved.
    _choose(form.fields["education"], "isced_3_4")
    dialog.save()
    wait_ops(qtbot)
    assert form.errors["correction_reason"].isVisibleTo(dialog)
    assert len(qs.versions(store, pid, "entry")) == 1
    type_text(form.fields["correction_reason"], "Abschluss nachgewiesen")
    dialog.save()
    wait_ops(qtbot)
    history = qs.versions(store, pid, "entry")
    assert [(v.version, v.education) for v in history] == [(1, "isced_0_2"), (2, "isced_3_4")]
    assert history[1].correction_reason == "Abschluss nachgewiesen"
    assert dialog.history["entry"].topLevelItemCount() == 2
    # Part 2 on its own tab.
    dialog.tabs.setCurrentIndex(1)
    exit_form = dialog.forms["exit"]
    for name, code in (
        ("job_searching", "no"),
        ("in_education", "no"),
        ("qualification", "yes"),
        ("employed", "yes"),
    ):
        _choose(exit_form.fields[name], code)
    dialog.grab().save(f"docs/screenshots/questionnaire-exit-{lang}.png")
    dialog.save()
    wait_ops(qtbot)
    assert qs.summary(store, pid) == {"entry": "complete", "exit": "complete"}
    dialog.reject()


def test_disability_needs_consent_and_future_dates_are_refused(
    window: Any, store: Any, qtbot: Any
) -> None:
    pid = persons.create_person(store, {"first_name": "Ina", "last_name": "Ziegler"}).id
    consents.give_consent(
        store, {"person_id": pid, "purpose": "special_category", "legal_basis": "art9_2a"}
    )
    dialog = QuestionnaireDialog(store, pid, parent=window)
    form = dialog.forms["entry"]
    box = form.fields["disability"]
    assert box.model().item(box.findData("yes")).isEnabled()
    form.set_values({"answered_on": dt.date.today() + dt.timedelta(days=30)})
    _choose(box, "yes")
    dialog.save()
    wait_ops(qtbot)
    assert form.errors["answered_on"].isVisibleTo(dialog)
    assert qs.current(store, pid, "entry") is None


def test_event_participation_opens_the_questionnaire(window: Any, store: Any, qtbot: Any) -> None:
    ev = events.create_event(
        store, {"title": "KI-Werkstatt", "type": "workshop", "start_date": dt.date(2026, 5, 4)}
    )
    p = persons.create_person(store, {"first_name": "Lena", "last_name": "Kühn"})
    # A hand-set flag does not make Part 1 complete: the page shows the record's status.
    events.add_participant(store, ev.id, p.id, entry_questionnaire="complete")
    page = window.open_record("event", ev.id)
    wait_ops(qtbot)  # the page reads on a worker
    assert "1" in page.esf.text()
    page.table.setCurrentCell(0, 0)
    dialog = page.open_questionnaire()
    assert isinstance(dialog, QuestionnaireDialog)
    assert dialog.participation_id == events.participations(store, ev.id)[0].id
    form = dialog.forms["entry"]
    assert form.values()["answered_on"] == dt.date(2026, 5, 4)
    form.set_values({"birth_year": 1990})
    for name, code in (
        ("gender", "female"),
        ("employment_status", "employed"),
        ("education", "isced_5_8"),
    ):
        _choose(form.fields[name], code)
    dialog.save()
    wait_ops(qtbot)
    dialog.reject()
    wait_ops(qtbot)
    page.reload()
    assert "0" in page.esf.text()
    assert page.table.item(0, 2).text() == page.table.item(0, 2).text().strip()
    assert events.participations(store, ev.id)[0].entry_questionnaire == "complete"
    row = qs.current(store, p.id, "entry")
    assert row is not None and row.participation_id == events.participations(store, ev.id)[0].id


def test_consultation_participant_opens_the_questionnaire(
    window: Any, store: Any, qtbot: Any
) -> None:
    from zz_desktop.ui.dialogs.consultation_form import ConsultationForm

    org = organisations.create_organisation(store, {"name": "Bäckerei", "employees": 5})
    person = persons.create_person(
        store, {"first_name": "Ömer", "last_name": "Kaya"}, organisation_id=org.id
    )
    data = consultations.new_consultation_defaults(store, org.id) | {
        "date": dt.date(2026, 4, 1),
        "esf_counting": "participant",
    }
    cid = consultations.record_consultation(store, data, [person.id]).consultation.id
    form = ConsultationForm(store, cid, org.id, window)
    assert form.open_questionnaire() is None  # nothing chosen: a message, no dialog
    assert form.participant_error.isVisibleTo(form)
    items = [form.participants.item(i) for i in range(form.participants.count())]
    chosen = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == person.id)
    form.participants.setCurrentItem(chosen)
    dialog = form.open_questionnaire()
    assert isinstance(dialog, QuestionnaireDialog)
    assert (dialog.person_id, dialog.consultation_id) == (person.id, cid)
    assert dialog.forms["entry"].values()["answered_on"] == dt.date(2026, 4, 1)
    dialog.reject()
