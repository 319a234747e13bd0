"""Issue 10, deliverable 3 driven through the real widgets: the person page (master data with
organisations, history, self-employed profile, privacy tab), event topics/advisors/attended
hours, the organisation page's WZ label and its "add person" / "add follow-up" actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import find_top, key, type_text, wait_ops
from zz_desktop.domain import codelists
from zz_desktop.services import consents, consultations, events, organisations, persons
from zz_desktop.store.models import Event, FollowUp, Participation, SelfEmployedProfile

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shot(widget, name: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    if lang == "de":
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / name))


@pytest.fixture
def org(store):  # type: ignore[no-untyped-def]
    return organisations.create_organisation(
        store,
        {"name": "Tischlerei Krause GmbH", "postcode": "02826", "city": "Görlitz",
         "ags": "14626110", "sector_code": "43.32", "employees": 12},
    )  # fmt: skip


def _person_with_history(store, org):  # type: ignore[no-untyped-def]
    p = persons.create_person(
        store,
        {"first_name": "Jörg", "last_name": "Weiß", "gender": "male", "birth_year": 1984,
         "email": "joerg.weiss@example.org", "employment_status": "self_employed"},
        organisation_id=org.id,
    )  # fmt: skip
    base = consultations.new_consultation_defaults(store, org.id)
    consultations.record_consultation(
        store, base | {"date": dt.date(2026, 3, 2), "title": "Erstgespräch", "person_id": p.id}, []
    )
    ev = events.create_event(
        store, {"title": "KI-Werkstatt", "type": "workshop", "start_date": dt.date(2026, 3, 10),
                "hours": 4, "place": "Görlitz"},
    )  # fmt: skip
    events.add_participant(store, ev.id, p.id, attended_hours=3.5)
    consents.give_consent(
        store, {"person_id": p.id, "purpose": "contact_data", "given_at": dt.date(2026, 3, 1)}
    )
    return p, ev


def test_person_page_from_list_and_org(window, store, org, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.views.person_page import PersonPage

    p, ev = _person_with_history(store, org)
    # from the organisation page's persons: a double click opens the person page
    org_page = window.open_record("organisation", org.id)
    wait_ops(qtbot)
    item = org_page.persons.topLevelItem(0)
    org_page.persons.itemActivated.emit(item, 0)
    wait_ops(qtbot)
    page = window.pages.currentWidget()
    assert isinstance(page, PersonPage) and page.person_id == p.id
    assert page.title.text() == "Jörg Weiß"
    assert ("Kontaktdaten" if lang == "de" else "Contact data") in page.consent.text()
    assert page.facts["email"].text() == "joerg.weiss@example.org"
    assert page.affiliations.topLevelItem(0).text(0) == "Tischlerei Krause GmbH"
    _shot(window, "person-page.png", lang)

    # history: newest first; a double click on the event opens the event page
    page.tabs.setCurrentIndex(1)
    titles = [page.history.topLevelItem(i).text(2) for i in range(page.history.topLevelItemCount())]
    assert titles[:2] == ["KI-Werkstatt", "Erstgespräch"]
    assert page.history.topLevelItem(0).text(0) in ("10.03.2026", "10/03/2026")
    _shot(window, "person-history.png", lang)
    opened = page.open_entry(page.history.topLevelItem(0))
    wait_ops(qtbot)
    assert opened.event_id == ev.id and window.pages.currentWidget() is opened

    # the consent line opens the privacy tab (PersonPrivacyTab embedded)
    page = window.open_record("person", p.id)
    wait_ops(qtbot)
    page.tabs.setCurrentIndex(1)
    last = page.history.topLevelItem(page.history.topLevelItemCount() - 1)
    assert page.open_entry(last) is page.privacy and page.tabs.currentWidget() is page.privacy
    _shot(window, "person-privacy-tab.png", lang)
    # a consent given in the embedded tab shows in the header and the history
    tab = page.privacy
    tab.purpose.setCurrentIndex(tab.purpose.findData("esf_monitoring"))
    qtbot.mouseClick(tab.give_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert ("ESF-Monitoring" if lang == "de" else "ESF monitoring") in page.consent.text()
    assert page.history.topLevelItemCount() == 4


def test_person_list_double_click_opens_page(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.views.person_page import PersonPage

    p = persons.create_person(store, {"first_name": "Lena", "last_name": "Kühn"})
    window.show_page("person")
    listing = window.lists["person"]
    listing.model.reload()
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1)
    view = listing.view
    column = next(c for c in range(listing.model.columnCount()) if not view.isColumnHidden(c))
    rect = view.visualRect(listing.model.index(0, column))
    assert rect.isValid()
    # a real double click: Qt's item views open only the row the press landed on
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_ops(qtbot)
    page = window.pages.currentWidget()
    assert isinstance(page, PersonPage) and page.person_id == p.id
    assert page.title.text() == "Lena Kühn"
    key(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is listing


def test_search_hit_opens_person_page(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.views.person_page import PersonPage

    p = persons.create_person(store, {"first_name": "Jürgen", "last_name": "Weißenfels"})
    popup = window.open_search()
    type_text(popup.input, "weissenf")
    qtbot.waitUntil(lambda: popup.results.count() == 1)
    key(popup.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), PersonPage))
    wait_ops(qtbot)
    page = window.pages.currentWidget()
    assert page.person_id == p.id and page.title.text() == "Jürgen Weißenfels"


def test_person_affiliation_link_with_messages(window, store, org, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    other = organisations.create_organisation(store, {"name": "Bäckerei Nowak", "city": "Bautzen"})
    p = persons.create_person(
        store, {"first_name": "Ida", "last_name": "Noack"}, organisation_id=org.id
    )
    page = window.open_record("person", p.id)
    wait_ops(qtbot)
    # typed but not chosen: the message stands under the organisation field
    type_text(page.org_picker, "Bäck")
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    err = page.link_form.errors["organisation_id"]
    assert err.isVisible() and ("Vorschl" in err.text() or "suggestions" in err.text())
    # the same organisation again: the service says so under the field
    page.org_picker.set_value_(org.id)
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert err.isVisible() and err.text()
    page.org_picker.clear()
    type_text(page.org_picker, "Bäck")  # typing takes the message away
    assert not err.isVisible()
    choices = page.org_picker.completer().model().stringList()
    assert len(choices) == 1 and "Bäckerei Nowak" in choices[0]
    page.org_picker.completer().activated[str].emit(choices[0])  # chosen from the suggestions
    assert page.org_picker.value_() == other.id
    page.role.setCurrentIndex(page.role.findData("management"))
    type_text(page.link_form.fields["function_title"], "Geschäftsführerin")
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    names = [
        page.affiliations.topLevelItem(i).text(0)
        for i in range(page.affiliations.topLevelItemCount())
    ]
    assert names == ["Bäckerei Nowak", "Tischlerei Krause GmbH"]
    assert page.affiliations.topLevelItem(0).text(2) == "Geschäftsführerin"
    # remove the first affiliation
    page.affiliations.setCurrentItem(page.affiliations.topLevelItem(1))
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert page.affiliations.topLevelItemCount() == 1


def test_selfemployed_profile_form(window, store, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    p = persons.create_person(store, {"first_name": "Zoë", "last_name": "Krüger"})
    page = window.open_record("person", p.id)
    wait_ops(qtbot)
    page.tabs.setCurrentWidget(page.profile)
    f = page.profile.form
    type_text(f.fields["occupation"], "Grafikdesign")
    type_text(f.fields["since_year"], "3000")
    type_text(f.fields["sector_code"], "99.99.9")
    qtbot.mouseClick(page.profile.save_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert f.errors["since_year"].isVisible() and f.errors["sector_code"].isVisible()
    with store.read() as s:
        assert s.query(SelfEmployedProfile).count() == 0
    _shot(window, "person-profile-errors.png", lang)
    f.fields["since_year"].clear()
    assert not f.errors["since_year"].isVisible()
    type_text(f.fields["since_year"], "2019")
    f.fields["sector_code"].clear()
    type_text(f.fields["sector_code"], "74.11")
    for name, code in (("fee_basis", "daily"), ("fee_band", "500_800"),
                       ("health_insurance", "artists_fund"), ("pension", "private")):  # fmt: skip
        box = f.fields[name]
        box.setCurrentIndex(box.findData(code))
    f.fields["platform_work"].setCurrentIndex(1)  # yes
    f.fields["interest_group_member"].setCurrentIndex(2)  # no
    qtbot.mouseClick(page.profile.save_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert not any(e.isVisible() for e in f.errors.values())
    profile = persons.selfemployed_profile(store, p.id)
    assert profile is not None
    assert (profile["occupation"], profile["since_year"], profile["sector_code"]) == (
        "Grafikdesign", 2019, "74.11")  # fmt: skip
    assert profile["fee_basis"] == "daily" and profile["health_insurance"] == "artists_fund"
    assert profile["platform_work"] is True and profile["interest_group_member"] is False
    # a reload shows what was saved (not the form's leftovers)
    page2 = window.open_record("person", p.id)
    wait_ops(qtbot)
    g = page2.profile.form
    assert g.fields["fee_band"].currentData() == "500_800"
    assert g.fields["platform_work"].currentData() is True
    assert g.fields["interest_group_member"].currentData() is False
    page2.tabs.setCurrentWidget(page2.profile)
    _shot(window, "person-profile.png", lang)


def test_event_form_topics_and_advisors(window, store, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.records import EventDialog

    dialog = window.new_record("event")
    assert isinstance(dialog, EventDialog)
    f = dialog.form
    assert f.fields["advisor_ids"].value_() == [store.actor.user_id]  # prefilled
    type_text(f.fields["title"], "KI-Werkstatt für Tischlereien")
    topic = codelists.topics()[0]
    label = topic.label_de if lang == "de" else topic.label_en
    picker = f.fields["topics"]
    type_text(picker.input, label)
    key(picker.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.value_() == [topic.code])
    assert dialog.isVisible()  # Enter added the topic, it did not save the form
    # no advisor: the message stands under the advisor field
    f.fields["advisor_ids"].set_value_([])
    key(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot)
    assert f.errors["advisor_ids"].isVisible()
    _shot(dialog, "event-form-errors.png", lang)
    f.fields["advisor_ids"].set_value_([store.actor.user_id])
    assert not f.errors["advisor_ids"].isVisible()
    key(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_ops(qtbot)
    assert not dialog.isVisible()
    with store.read() as s:
        ev = s.query(Event).one()
    assert ev.topics == [topic.code] and ev.advisor_ids == [store.actor.user_id]
    # editing shows the stored topics as chips
    again = EventDialog(store, ev.id, window)
    assert again.form.fields["topics"].value_() == [topic.code]
    assert again.form.fields["advisor_ids"].value_() == [store.actor.user_id]
    again.close()


def test_event_page_attended_hours(window, store, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    topic = codelists.topics()[1]
    ev = events.save_form(
        store, None,
        {"title": "Digitale Zeiterfassung", "type": "seminar", "start_date": dt.date(2026, 5, 4),
         "hours": 3.5, "place": "Dresden", "topics": [topic.code],
         "advisor_ids": [store.actor.user_id]},
    )  # fmt: skip
    a = persons.create_person(store, {"first_name": "Lena", "last_name": "Kühn"})
    b = persons.create_person(store, {"first_name": "Tom", "last_name": "Brandt"})
    events.add_participant(store, ev.id, a.id, entry_questionnaire="complete")
    events.add_participant(store, ev.id, b.id)
    page = window.open_record("event", ev.id)
    wait_ops(qtbot)
    assert (topic.label_de if lang == "de" else topic.label_en) in page.topics.text()
    assert page.table.rowCount() == 2
    rows = {page.table.item(r, 0).text(): r for r in range(2)}
    edit = page.table.cellWidget(rows["Kühn, Lena"], 1)
    edit.setFocus()
    type_text(edit, "5")  # longer than the event
    edit.editingFinished.emit()
    wait_ops(qtbot)
    assert page.hours_error.isVisible() and "3,5" in page.hours_error.text().replace(".", ",")
    _shot(window, "event-hours-error.png", lang)
    edit.clear()
    type_text(edit, "3,5")
    edit.editingFinished.emit()
    wait_ops(qtbot)
    assert not page.hours_error.isVisible()
    with store.read() as s:
        hours = {x.person_id: x.attended_hours for x in s.query(Participation)}
    assert hours == {a.id: 3.5, b.id: None}
    rows = {page.table.item(r, 0).text(): r for r in range(2)}
    assert page.table.cellWidget(rows["Kühn, Lena"], 1).text() in ("3,5", "3.5")
    assert "3" in page.esf.text()
    _shot(window, "event-page.png", lang)


def test_organisation_page_wz_label_and_followup(window, store, org, qtbot, lang) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.followup_dialog import FollowUpDialog

    page = window.open_record("organisation", org.id)
    wait_ops(qtbot)
    sector = page.facts["sector"].text()
    assert sector.startswith("43.32 – ") and codelists.wz_label("43.32", lang=lang) in sector
    qtbot.mouseClick(page.findChild(object, "orgAddFollowup"), Qt.MouseButton.LeftButton)
    dialog = find_top(FollowUpDialog)
    assert dialog is not None
    dialog.form.fields["due_date"].setText("31.02.2026")
    dialog.save()
    wait_ops(qtbot)
    assert dialog.form.errors["text"].isVisible() and dialog.form.errors["due_date"].isVisible()
    with store.read() as s:
        assert s.query(FollowUp).count() == 0
    type_text(dialog.form.fields["text"], "Angebot für Schulung nachfassen")
    dialog.form.fields["due_date"].setText("15.01.2027")
    _shot(dialog, "followup-dialog.png", lang)
    dialog.save()
    wait_ops(qtbot)
    assert not dialog.isVisible()
    with store.read() as s:
        fu = s.query(FollowUp).one()
    assert (fu.organisation_id, fu.due_date, fu.owner_id) == (
        org.id, dt.date(2027, 1, 15), store.actor.user_id)  # fmt: skip
    qtbot.waitUntil(lambda: page.followups.total() == 1)
    wait_ops(qtbot)
    assert "1" in page.tabs.tabText(2)
    assert page.findChild(object, "orgAddPerson") is not None
    _shot(window, "organisation-page.png", lang)
    QApplication.processEvents()


def test_event_hours_typing_survives_reload(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    ev = events.create_event(
        store,
        {"title": "Seminar", "type": "seminar", "start_date": dt.date(2026, 5, 4), "hours": 6},
    )
    for first, last in (("Lena", "Kühn"), ("Tom", "Brandt")):
        events.add_participant(
            store, ev.id, persons.create_person(store, {"first_name": first, "last_name": last}).id
        )
    page = window.open_record("event", ev.id)
    wait_ops(qtbot)
    key(page, Qt.Key.Key_Shift)  # makes the window active, so that focus is real
    first, second = (page.table.cellWidget(r, 1) for r in range(2))
    first.setFocus()
    type_text(first, "2")
    second.setFocus()  # editingFinished of the first row: saved, the page reloads …
    type_text(second, "4")
    wait_ops(qtbot)
    again = page.table.cellWidget(1, 1)
    assert again is not second  # the rows were rebuilt …
    assert again.text() == "4" and again.hasFocus()  # … and the typing kept
    assert page.table.cellWidget(0, 1).text() in ("2,0", "2.0")
    page.picker.setFocus()  # leaving the carried-over field saves it
    wait_ops(qtbot)
    assert [p.attended_hours for p in events.load_page(store, ev.id).participants] == [2.0, 4.0]


def test_ctrl_n_on_person_page_records_a_consultation_for_them(window, store, org, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.consultation_form import ConsultationForm

    p, _ev = _person_with_history(store, org)
    loner = persons.create_person(store, {"first_name": "Ida", "last_name": "Öztürk"})
    for person, expected_org in ((p, org.id), (loner, None)):
        page = window.open_record("person", person.id)
        wait_ops(qtbot)
        key(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        form = find_top(ConsultationForm)
        assert form is not None
        wait_ops(qtbot)
        # the person advised and, with exactly one organisation, that organisation
        assert form.person_picker.value_() == person.id
        assert form.org_picker.value_() == expected_org
        form.reject()
        wait_ops(qtbot)


def test_new_person_opens_its_page(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.records import PersonDialog
    from zz_desktop.ui.views.person_page import PersonPage

    window.show_page("person")
    window.findChild(object, "new_personAction").trigger()
    dialog = find_top(PersonDialog)
    assert dialog is not None
    type_text(dialog.form.fields["first_name"], "Mira")
    type_text(dialog.form.fields["last_name"], "Schäfer")
    gender = dialog.form.fields["gender"]
    gender.setCurrentIndex(gender.findData("female"))
    dialog.save()
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), PersonPage))
    wait_ops(qtbot)
    page = window.pages.currentWidget()
    assert page.title.text() == "Mira Schäfer"
