"""Features around the main flow: search popup keys, drafts, validation in the consultation form,
the 80 h warning, events with ESF status, history, list paging/filters/export/columns, the
crash handler, settings."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui.helpers import find_top, key, type_text, wait_ops
from zz_desktop.services import consultations, events, organisations, persons

pytestmark = pytest.mark.gui


@pytest.fixture
def lang() -> str:  # these checks run in German only
    return "de"


@pytest.fixture
def org(store):  # type: ignore[no-untyped-def]
    return organisations.create_organisation(
        store, {"name": "Metallbau Schröder", "city": "Dresden", "ags": "14612000", "employees": 30}
    )


def test_search_popup_keyboard(window, store, org, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.search_popup import SearchPopup
    from zz_desktop.ui.views.organisation_page import OrganisationPage

    persons.create_person(store, {"first_name": "Anna", "last_name": "Schröder"})
    popup = window.open_search()
    type_text(popup.input, "schrö")
    assert popup.results.count() == 2
    key(popup.input, Qt.Key.Key_Down)
    assert popup.results.currentRow() == 1
    key(popup.input, Qt.Key.Key_Up)
    key(popup.input, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    popup = window.open_search()
    type_text(popup.input, "metallbau")
    key(popup.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), OrganisationPage))
    assert find_top(SearchPopup) is None


def test_consultation_validation_draft_and_cap(window, store, org, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = window.new_consultation()
    form.org_picker.set_value_(None, "")
    type_text(form.form.fields["title"], "Besuch mit Notizen äöü")
    form._changed()
    form.save()
    wait_ops(qtbot)
    err = form.form.errors["organisation_id"]
    assert err.isVisible() and "Organisation" in err.text()
    assert form.focusWidget() is form.org_picker or form.org_picker.hasFocus()
    form.save_draft()
    wait_ops(qtbot)
    form.hide()
    again = window.new_consultation()
    assert again.draft_banner.isVisible()
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert again.form.fields["title"].text() == "Besuch mit Notizen äöü"
    again.hide()

    # the 80 h cap: 79 h recorded, another 2 h in-depth warns live and after saving
    base = consultations.new_consultation_defaults(store, org.id) | {
        "kind": "in_depth",
        "duration_min": 1400,
    }
    for _ in range(3):
        consultations.record_consultation(store, base)
    base = base | {"duration_min": 540}
    consultations.record_consultation(store, base)
    form = window.new_consultation(org.id)
    form.form.fields["kind"].setCurrentIndex(form.form.fields["kind"].findData("in_depth"))
    form.form.fields["duration_min"].setValue(120)
    type_text(form.form.fields["title"], "Vertiefung")  # a title is required (issue 10)
    assert form.cap_label.isVisible() and "80" in form.cap_label.text()
    warnings: list[list[str]] = []
    form.saved_warnings.disconnect()
    form.saved_warnings.connect(warnings.append)
    form.save()
    wait_ops(qtbot)
    assert warnings and "80" in warnings[0][0]


def test_event_participants_esf_status(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.views.event_page import INCOMPLETE

    ev = events.create_event(
        store,
        {
            "title": "KI-Werkstatt",
            "type": "workshop",
            "start_date": dt.date(2026, 5, 4),
            "hours": 3.5,
        },
    )
    p1 = persons.create_person(store, {"first_name": "Lena", "last_name": "Kühn"})
    p2 = persons.create_person(store, {"first_name": "Tom", "last_name": "Brandt"})
    events.add_participant(store, ev.id, p1.id, entry_questionnaire="complete")
    page = window.open_record("event", ev.id)
    page.picker.set_value_(p2.id)
    page.add_participant()
    wait_ops(qtbot)
    assert page.table.rowCount() == 2
    rows = {page.table.item(r, 0).text(): r for r in range(2)}
    assert page.table.item(rows["Brandt, Tom"], 0).background().color() == INCOMPLETE
    # Issue 11: the status comes from the recorded Part 1, not from a flag set by hand.
    assert "2" in page.esf.text()
    from zz_desktop.services import questionnaires

    for pid in (p1.id, p2.id):
        answers = {
            "gender": "female",
            "birth_year": 1990,
            "employment_status": "employed",
            "education": "isced_3_4",
        }
        questionnaires.record(store, pid, "entry", answers, dt.date(2026, 5, 4))
    page.reload()  # reads on a worker (services.events.load_page)
    wait_ops(qtbot)
    assert "0" in page.esf.text()
    assert page.table.item(rows["Brandt, Tom"], 0).background().color() != INCOMPLETE


def test_history_dialog(window, store, org, qtbot) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.dialogs.audit import AuditDialog

    organisations.update_organisation(store, org.id, {"city": "Meißen"})
    dialog = AuditDialog(store, org.id, org.name, window)
    tree = dialog.tree
    assert tree.topLevelItemCount() == 2
    assert tree.topLevelItem(0).text(2) == "Geändert" and "city" in tree.topLevelItem(0).text(3)
    assert "Meißen" not in " ".join(tree.topLevelItem(0).text(c) for c in range(4))


def test_list_paging_filters_export_columns(window, store, org, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui.models import sql_list

    for i in range(30):
        consultations.record_consultation(
            store,
            consultations.new_consultation_defaults(store, org.id)
            | {"title": f"Nr {i}", "mode": "phone" if i % 3 else "video"},
        )
    page = window.lists["consultation"]
    window.show_page("consultation")
    page.model.reload()
    old = sql_list.PAGE
    sql_list.PAGE = 10
    try:
        page.model.reload()
        assert page.model.rowCount() == 10 and page.model.canFetchMore()
        page.model.fetchMore()
        assert page.model.rowCount() == 20
        page.model.fetch_all()
        assert page.model.rowCount() == 30 and not page.model.canFetchMore()
    finally:
        sql_list.PAGE = old
    mode = page.filter_widgets["mode"]
    mode.setCurrentIndex(mode.findData("video"))
    assert page.model.total() == 10
    assert page.count_label.text().startswith("10")
    out = tmp_path / "liste.csv"
    page.export("csv", out)
    wait_ops(qtbot)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][0] == "Datum" and len(rows) == 11 and rows[1][5] == "Video"
    page.export("xlsx", tmp_path / "liste.xlsx")
    wait_ops(qtbot)
    assert (tmp_path / "liste.xlsx").stat().st_size > 0
    # column chooser: hide "Titel" and it stays hidden for the next window
    title_col = [c.key for c in page.model.columns].index("title")
    page._column_menu(QPoint(5, 5))
    action = [a for a in page._menu.actions() if a.text() == "Titel"][0]
    action.setChecked(False)
    page._menu.close()
    assert page.view.isColumnHidden(title_col)
    from zz_desktop.ui.views.list_page import ListPage

    again = ListPage(store, "consultation", "x")
    assert again.view.isColumnHidden(title_col)
    again.deleteLater()


def test_crash_report_has_no_data(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.ui import crash

    shown: list[str] = []
    monkeypatch.setattr(
        crash.CrashDialog, "exec", lambda self: shown.append(self.report.toPlainText())
    )
    try:
        secret = "Geheime Notiz über Frau " + "Müller"
        raise ValueError(secret)
    except ValueError as exc:
        report = crash.report_exception(type(exc), exc, exc.__traceback__)
    assert "ValueError" in report and "test_features.py" in report
    assert "Müller" not in report
    assert shown == [report]


def test_settings_backup_now(window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page("settings")
    page = window.settings_page
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    wait_ops(qtbot)
    assert any(store.backup_dir.glob("*.zzbak"))
    page.keep_days.setValue(30)
    page._keep_days_changed()
    wait_ops(qtbot)
    assert store.get_setting("backup.keep_days") == 30
