"""Issue 13: the consent state in the participant lists (event, consultation) and the roles
table enforced in the GUI — what a role may not do is hidden, and refused with the reason when
it is reached anyway (the services refuse; nothing is written)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QToolButton

from tests.gui.helpers import wait_ops
from zz_desktop.domain import roles
from zz_desktop.errors import NotAllowed
from zz_desktop.services import consents, events, organisations, persons, sync_service
from zz_desktop.store.models import Conflict, Organisation
from zz_desktop.sync import state

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _three_people(store: Any, org_id: str | None = None) -> dict[str, str]:
    """Lena with the ESF consent, Tom with the contact consent only, Ute with none."""
    out = {}
    for first, last, purposes in (
        ("Lena", "Kühn", ("esf_monitoring", "contact_data")),
        ("Tom", "Brandt", ("contact_data",)),
        ("Ute", "Sommer", ()),
    ):
        p = persons.create_person(
            store, {"first_name": first, "last_name": last}, organisation_id=org_id
        )
        for purpose in purposes:
            consents.give_consent(store, {"person_id": p.id, "purpose": purpose})
        out[first] = p.id
    return out


def test_consent_state_in_the_event_participants(
    window: Any, store: Any, qtbot: Any, lang: str
) -> None:
    from zz_desktop.ui.views.event_page import CONSENT_COLUMN

    ev = events.create_event(
        store,
        {"title": "KI-Werkstatt", "type": "workshop", "start_date": dt.date(2026, 5, 4)},
    )
    people = _three_people(store)
    for pid in people.values():
        events.add_participant(store, ev.id, pid, entry_questionnaire="complete")
    page = window.open_record("event", ev.id)
    wait_ops(qtbot)  # the page reads on a worker
    assert page.table.horizontalHeaderItem(CONSENT_COLUMN).text() == (
        "Einwilligung" if lang == "de" else "Consent"
    )
    cells = {
        page.table.item(r, 0).text(): page.table.item(r, CONSENT_COLUMN)
        for r in range(page.table.rowCount())
    }
    lena, tom, ute = cells["Kühn, Lena"], cells["Brandt, Tom"], cells["Sommer, Ute"]
    assert [c.data(Qt.ItemDataRole.UserRole) for c in (lena, tom, ute)] == ["esf", "other", "none"]
    esf, contact = (
        ("ESF-Monitoring", "Kontaktdaten") if lang == "de" else ("ESF monitoring", "Contact data")
    )
    assert lena.text() == f"{esf}, {contact}" and esf in lena.toolTip()
    assert tom.text() == contact and esf in tom.toolTip()  # the warning names the ESF consent
    assert not ute.icon().isNull() and ute.toolTip()
    # Withdrawing shows at once (the page follows the consent change).
    lena_consent = consents.active_consents(store, people["Lena"], "esf_monitoring")[0]
    window_page = page
    from zz_desktop.ui.bus import ChangeSet, bus

    consents.withdraw_consent(store, lena_consent.id)
    bus().announce(ChangeSet.of("consent"))
    wait_ops(qtbot)  # the page reloads on a worker
    cells = {
        window_page.table.item(r, 0).text(): window_page.table.item(r, CONSENT_COLUMN)
        for r in range(window_page.table.rowCount())
    }
    assert cells["Kühn, Lena"].data(Qt.ItemDataRole.UserRole) == "other"
    if lang == "de":
        consents.give_consent(store, {"person_id": people["Lena"], "purpose": "esf_monitoring"})
        window_page.reload()
        wait_ops(qtbot)
        SHOTS.mkdir(exist_ok=True)
        window_page.grab().save(str(SHOTS / "event-participants-consent.png"))


def test_consent_state_in_the_consultation_participants(
    window: Any, store: Any, qtbot: Any, lang: str
) -> None:
    from zz_desktop.ui.dialogs.consultation_form import CONSENT_ROLE

    org = organisations.create_organisation(store, {"name": "Tischlerei Krause"})
    people = _three_people(store, org.id)
    form = window.new_consultation(org.id)
    wait_ops(qtbot)
    items = {
        form.participants.item(i).data(Qt.ItemDataRole.UserRole): form.participants.item(i)
        for i in range(form.participants.count())
    }
    assert items[people["Lena"]].data(CONSENT_ROLE) == "esf"
    assert items[people["Tom"]].data(CONSENT_ROLE) == "other"
    assert items[people["Ute"]].data(CONSENT_ROLE) == "none"
    assert "ESF" in items[people["Tom"]].toolTip()
    assert not items[people["Ute"]].icon().isNull()
    if lang == "de":
        form.show()
        form.participants.grab().save(str(SHOTS / "consultation-participants-consent.png"))
    form.close()


# ---------------------------------------------------------------- roles


def _as(store: Any, role: str) -> None:
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: role})


def _window(store: Any, qtbot: Any) -> Any:
    from zz_desktop.ui.mainwindow import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    return win


EXPECTED_ACTIONS = {
    "newConsultationAction": roles.EDIT_RECORDS,
    "new_personAction": roles.EDIT_RECORDS,
    "importAction": roles.IMPORT_RECORDS,
    "duplicatesAction": roles.MERGE_RECORDS,
    "retentionAction": roles.REVIEW_RETENTION,
}


@pytest.mark.parametrize("role", roles.ROLES)
def test_main_window_hides_what_the_role_may_not_do(
    app: Any, store: Any, qtbot: Any, role: str
) -> None:
    _as(store, role)
    win = _window(store, qtbot)
    for name, right in EXPECTED_ACTIONS.items():
        action = win.findChild(QAction, name)
        assert action is not None, name
        assert action.isVisible() == roles.may(role, right), (role, name)
        assert action.isEnabled() == roles.may(role, right), (role, name)
    # List pages: new and export only for roles that work with records.
    persons_page = win.lists["person"]
    assert (not persons_page.new_button.isHidden()) == roles.may(role, roles.EDIT_RECORDS)
    export = persons_page.findChild(QToolButton, "exportButton")
    assert (not export.isHidden()) == roles.may(role, roles.EXPORT_RECORDS)
    # Settings: backups only for the roles that may.
    settings = win.settings_page
    for name, right in (
        ("backupNow", roles.BACKUP_PROFILE),
        ("restoreBackup", roles.RESTORE_BACKUP),
    ):
        button = settings.findChild(QPushButton, name)
        assert (not button.isHidden()) == roles.may(role, right), (role, name)
    # Reports: exactly the kinds the role may make.
    kinds = {win.reports_page.kind.itemData(i) for i in range(win.reports_page.kind.count())}
    assert kinds == {k for k, right in roles.REPORT_ACTIONS.items() if roles.may(role, right)} - {
        "crosscentre"  # the coordinator's report lives on the coordination page
    }
    if not kinds:
        assert not win.reports_page.generate_button.isEnabled()
        assert roles.role_label(role) in win.reports_page.status.text()
    win.close()


@pytest.mark.parametrize("role", roles.ROLES)
def test_refused_when_reached_anyway(
    app: Any, store: Any, qtbot: Any, role: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reports, backups and record edits are refused by the services with the reason, and the
    GUI shows it (never a crash, nothing written)."""
    from zz_desktop import reports
    from zz_desktop.reports.queries.period import Period
    from zz_desktop.ui import ops
    from zz_desktop.ui.views.settings_page import SettingsPage

    org = organisations.create_organisation(store, {"name": "Glaserei Sonne"})
    _as(store, role)
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    if roles.may(role, roles.CENTRE_REPORTS):
        assert reports.render(store, "activity", period)[:4] == b"%PDF"
    else:
        with pytest.raises(NotAllowed) as err:
            reports.render(store, "activity", period)
        assert roles.role_label(roles.MANAGER) in err.value.message
    if not roles.may(role, roles.EDIT_RECORDS):
        with pytest.raises(NotAllowed):
            organisations.update_organisation(store, org.id, {"name": "Glaserei Mond"})
        with store.read() as s:
            assert s.get(Organisation, org.id).name == "Glaserei Sonne"
    shown: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, error: shown.append(str(error)))
    page = SettingsPage(store)
    qtbot.addWidget(page)
    before = sorted(p.name for p in store.backup_dir.glob("*")) if store.backup_dir.exists() else []
    page.backup_now()  # the button may be hidden; the call is refused all the same
    wait_ops(qtbot)
    after = sorted(p.name for p in store.backup_dir.glob("*")) if store.backup_dir.exists() else []
    if roles.may(role, roles.BACKUP_PROFILE):
        assert len(after) > len(before) and not shown
    else:
        assert after == before and shown and roles.role_label(role) in shown[0]
    shown.clear()
    if not roles.may(role, roles.RESTORE_BACKUP):  # (allowed: it would ask for confirmation)
        page.restore_from_file(Path("does-not-matter.zzbak"))
        assert shown and roles.role_label(role) in shown[0]


def test_conflict_inbox_advisor_resolves_only_own(app: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.store.capture import Actor
    from zz_desktop.ui.dialogs.conflict_inbox import ConflictInbox

    org = organisations.create_organisation(store, {"name": "Bäckerei Korn"})
    with store.write() as s:
        for author in ("u-me", "u-other"):
            s.add(
                Conflict(
                    entity="organisation",
                    entity_id=org.id,
                    field="name",
                    value_current="Bäckerei Korn",
                    value_other=f"Bäckerei Korn ({author})",
                    author_current="u-x",
                    author_other=author,
                    status="open",
                )
            )
    _as(store, "advisor")
    store.actor = Actor("u-me", store.actor.centre_id)
    inbox = ConflictInbox(store)
    qtbot.addWidget(inbox)
    by_author = {c.author_other: i for i, c in enumerate(inbox.items)}
    inbox.list.setCurrentRow(by_author["u-other"])
    assert not inbox.keep_other.isEnabled()
    assert roles.role_label(roles.MANAGER) in inbox.error.text()
    with pytest.raises(NotAllowed):
        sync_service.resolve_conflict(store, inbox.items[by_author["u-other"]].id, "other")
    inbox.list.setCurrentRow(by_author["u-me"])
    assert inbox.keep_other.isEnabled() and inbox.error.text() == ""
    inbox.keep_other.click()
    assert [c.author_other for c in sync_service.conflicts(store)] == ["u-other"]
    # A manager resolves any conflict.
    _as(store, "manager")
    inbox.reload()
    assert inbox.keep_current.isEnabled()
    inbox.keep_current.click()
    assert sync_service.conflicts(store) == []


@pytest.mark.parametrize("role", ["manager", "advisor"])
def test_privacy_settings_only_for_the_manager(
    app: Any, store: Any, qtbot: Any, role: str, lang: str
) -> None:
    from zz_desktop.services import privacy_settings, retention
    from zz_desktop.ui.views.settings_page import SettingsPage

    _as(store, role)
    page = SettingsPage(store)
    qtbot.addWidget(page)
    assert page.retention_months.value() == retention.DEFAULT_MONTHS
    assert page.backup_policy.currentData() == "mark"
    if role == "advisor":
        assert not page.privacy_save.isEnabled() and not page.retention_months.isEnabled()
        assert page.privacy_note.text()
        with pytest.raises(NotAllowed):
            privacy_settings.save(store, privacy_settings.load(store))
        return
    page.retention_months.setValue(36)
    page.backup_policy.setCurrentIndex(page.backup_policy.findData("replace"))
    page.save_privacy()
    wait_ops(qtbot)
    saved = privacy_settings.load(store)
    assert (saved.retention_months, saved.backup_policy) == (36, "replace")
    assert store.get_setting(retention.MONTHS_SETTING) == 36
    if lang == "de":
        page.resize(820, 760)
        page.grab().save(str(SHOTS / "settings-privacy.png"))


def test_gate_follows_a_role_change(app: Any, store: Any, qtbot: Any) -> None:
    """A login can change the role: what the gate hid comes back when the role may again, and
    nothing the page hid for its own reasons is shown."""
    from zz_desktop.ui import role_gate

    _as(store, "coordinator")
    win = _window(store, qtbot)
    new = win.lists["person"].new_button
    assert new.isHidden()
    _as(store, "advisor")
    role_gate.gate(win, store)
    assert not new.isHidden() and win.findChild(QAction, "importAction").isVisible()
    new.hide()  # hidden by the page itself
    role_gate.gate(win, store)
    assert new.isHidden()
    win.close()
