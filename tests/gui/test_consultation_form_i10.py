"""Issue 10 in the consultation form, driven through the real widgets: advisors (prefilled,
several, required), place / next appointment / referral reason saved, a required title, strict
dates and durations with messages next to the field that go once the field is edited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import type_text, wait_ops
from zz_desktop.services import consultations, organisations
from zz_desktop.store.models import Consultation, Organisation

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def lang() -> str:
    return "de"


def test_advisors_fields_and_strict_validation(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(store, {"name": "Müller Söhne GmbH"})
    form = window.new_consultation(org.id)
    advisors = form.form.fields["advisor_ids"]
    assert advisors.value_() == [store.actor.user_id]  # the current user, prefilled

    advisors.item(0).setCheckState(Qt.CheckState.Unchecked)
    date, duration = form.form.fields["date"], form.form.fields["duration_min"]
    date.clear()
    type_text(date, "31.02.2026")
    duration.clear()
    type_text(duration, "4500")
    form.save()
    wait_ops(qtbot)
    errors = form.form.errors
    assert errors["advisor_ids"].isVisible()
    assert errors["date"].isVisible() and errors["duration_min"].isVisible()
    assert errors["title"].isVisible()
    assert form.isVisible()
    SHOTS.mkdir(exist_ok=True)
    form.grab().save(str(SHOTS / "consultation-form-errors.png"))

    # fixing a field takes its message away at once
    advisors.item(0).setCheckState(Qt.CheckState.Checked)
    assert not errors["advisor_ids"].isVisible()
    date.clear()
    type_text(date, "27.02.2026")
    assert not errors["date"].isVisible()
    duration.clear()
    type_text(duration, "450")
    assert not errors["duration_min"].isVisible()
    type_text(form.form.fields["title"], "Erstgespräch")
    type_text(form.form.fields["place"], "Werkstatt Halle")
    type_text(form.texts.fields["referral_reason"], "Fördermittel für Maschinen")
    type_text(form.texts.fields["next_appointment"], "15.03.2026")
    form.grab().save(str(SHOTS / "consultation-form.png"))
    ids: list[str] = []
    form.saved.connect(ids.append)
    form.save()
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: bool(ids))
    with store.read() as s:
        c = s.get(Consultation, ids[0])
        assert c.advisor_ids == [store.actor.user_id]
        assert c.date == dt.date(2026, 2, 27) and c.duration_min == 450
        assert c.place == "Werkstatt Halle" and c.next_appointment == dt.date(2026, 3, 15)
        assert c.referral_reason == "Fördermittel für Maschinen"
    assert consultations.without_advisor(store) == []


def test_manager_completes_consultations_without_advisor(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(store, {"name": "Schulz Anlagenbau GmbH"})
    old = consultations.new_consultation_defaults(store, org.id) | {"advisor_ids": []}
    for title in ("Altfall Januar", "Altfall Februar"):
        consultations.record_consultation(store, old | {"title": title})
    dialog = window.open_missing_advisors()
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 2)
    dialog.grab().save(str(SHOTS / "consultations-without-advisor.png"))
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # nothing selected yet
    dialog.table.topLevelItem(0).setSelected(True)
    dialog.advisors.item(0).setCheckState(Qt.CheckState.Checked)
    assert not dialog.error.isVisible()
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 1)
    assert len(consultations.without_advisor(store)) == 1
    dialog.close()


def test_organisation_and_person_dialogs_reject_bad_input(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.records import OrganisationDialog, PersonDialog

    dialog = OrganisationDialog(store, None, window)
    dialog.show()
    f = dialog.form.fields
    type_text(f["name"], "Mueller Soehne")
    type_text(f["employees"], "-5viele")
    type_text(f["phone"], "abc")
    type_text(f["website"], "mueller soehne.de")
    dialog.save()
    wait_ops(qtbot)
    errors = dialog.form.errors
    for key in ("employees", "phone", "website"):
        assert errors[key].isVisible(), key
    assert f["employees"].text() == "-5viele"  # kept as typed, not turned into 5
    dialog.grab().save(str(SHOTS / "organisation-form-errors.png"))
    f["employees"].clear()
    type_text(f["employees"], "5")
    assert not errors["employees"].isVisible()
    f["phone"].clear()
    type_text(f["phone"], "+49 345 123456")
    f["website"].clear()
    type_text(f["website"], "mueller-soehne.de")
    ids: list[str] = []
    dialog.saved.connect(ids.append)
    dialog.save()
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: bool(ids))
    with store.read() as s:
        assert s.get(Organisation, ids[0]).employees == 5

    person = PersonDialog(store, None, window)
    person.show()
    assert person.form.fields["gender"].currentData() is None
    type_text(person.form.fields["last_name"], "Schulz")
    person.save()
    wait_ops(qtbot)
    assert person.form.errors["gender"].isVisible()
    person.close()
