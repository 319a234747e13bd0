"""Session handling in the GUI (issue 10 part B): one sync interval setting that the scheduler
follows, a consistent status bar, plain messages instead of exception class names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gui.helpers import wait_ops
from zz_desktop.services import organisations

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def lang() -> str:
    return "de"


def test_one_sync_interval_setting(window: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.sync_ui import DEFAULT_INTERVAL_MIN, INTERVAL_KEY, install_sync

    controller = install_sync(window, store)
    window.attach_sync(controller)
    assert controller.timer.interval() == DEFAULT_INTERVAL_MIN * 60_000
    page = window.settings_page
    assert page.interval.value() == DEFAULT_INTERVAL_MIN
    assert page.interval.isEnabled()  # not greyed out, logged in or not
    page.interval.setValue(30)
    page.interval.editingFinished.emit()
    wait_ops(qtbot)
    assert store.get_setting(INTERVAL_KEY, None) == 30
    assert controller.timer.interval() == 30 * 60_000
    # a new window on the same profile (the next start) schedules with the same value
    assert install_sync(window, store).timer.interval() == 30 * 60_000
    window.pages.setCurrentWidget(page)
    page.grab().save(str(SHOTS / "settings.png"))


def test_status_bar_shows_each_count_once(window: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.ui.sync_ui import install_sync

    organisations.create_organisation(store, {"name": "Tischlerei Weber"})
    organisations.create_organisation(store, {"name": "Schulz Anlagenbau GmbH"})
    window.attach_sync(install_sync(window, store))
    wait_ops(qtbot)
    from zz_desktop.services import sync_service

    pending = sync_service.status(store).pending  # two rows (their audit entries ride inside)
    assert pending == 2
    qtbot.waitUntil(lambda: window.pending_label.text().endswith(f": {pending}"), timeout=5000)
    sync_text = window.sync_label.text()
    # before: "… · 0 ausstehende Änderungen …" next to "Ausstehende Änderungen: 2"
    assert "ausstehend" not in sync_text.lower() and "Konflikt" not in sync_text
    assert window.pending_label.text() == f"Ausstehende Änderungen: {pending}"


def test_offline_message_is_plain_german(window: Any, store: Any, qtbot: Any) -> None:
    from zz_desktop.sync import state
    from zz_desktop.sync.errors import Offline
    from zz_desktop.ui.sync_ui import install_sync

    error = Offline("ConnectError")
    assert "ConnectError" not in error.message and "nicht erreichbar" in error.message
    assert error.detail == "ConnectError"  # kept for the log
    controller = install_sync(window, store)
    seen: list[Any] = []
    controller.finished.connect(lambda _r, m: seen.append(m))
    controller._on_done(None, RuntimeError("httpx.ConnectError: [Errno 111]"))
    assert seen and "Error" not in seen[0] and "Protokolldatei" in seen[0]
    controller.retry_timer.stop()
    state.put(store, **{state.LAST_ERROR: error.message})
    controller.show_status()
    assert "ConnectError" not in window.sync_label.text()


# -- log in / log out, profile chooser ---------------------------------------------------------

from tests.sync.conftest import hub  # noqa: E402,F401  (the real hub over HTTP)


def test_logout_from_the_menu_revokes_the_token(
    window: Any,
    store: Any,
    qtbot: Any,
    hub: Any,  # noqa: F811
) -> None:
    from PySide6.QtGui import QAction

    from zz_desktop.services import sync_service
    from zz_desktop.ui.sync_ui import install_sync
    from zz_hub import admin
    from zz_hub.db import Database

    _code, (user,) = hub.new_centre((("a", "advisor"),))
    sync_service.login(store, hub.base_url, user, "demo")
    controller = install_sync(window, store)
    window.attach_sync(controller)
    logout = window.findChild(QAction, "logoutAction")
    assert logout.isEnabled() and not window.login_action.isEnabled()
    controller.pool.waitForDone(10_000)
    logout.trigger()
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: window.login_action.isEnabled(), timeout=10_000)
    assert not logout.isEnabled()
    assert not sync_service.status(store).logged_in
    db = Database(hub.database_url)
    try:
        assert all(d.revoked_at is not None for d in admin.list_devices(db) if d.username == user)
    finally:
        db.dispose()
    assert "nicht angemeldet" in window.sync_label.text()


def _profiles(root: Path, names: list[str]) -> list[Path]:
    from zz_desktop.store.database import open_store

    made = []
    for name in names:
        st = open_store(root / name, create=True)
        st.close()
        made.append(root / name)
    return made


def test_profile_chooser_at_start_and_switch(
    window: Any, store: Any, qtbot: Any, tmp_path: Path, memory_keyring: Any
) -> None:
    from PySide6.QtCore import QTimer

    from tests.gui.helpers import find_top
    from zz_desktop.ui.dialogs.profile_chooser import ProfileChooser, choose_profile

    root = tmp_path / "profiles"
    one = _profiles(root, ["beratung-halle"])
    assert choose_profile(root, None) == one[0]  # a single profile: no question
    both = _profiles(root, ["beratung-dessau"]) + one

    def pick(name: str, shot: str | None = None) -> None:
        dialog = find_top(ProfileChooser)
        assert dialog is not None
        items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert items == ["beratung-dessau", "beratung-halle"]
        dialog.list.setCurrentRow(items.index(name))
        if shot:
            dialog.grab().save(str(SHOTS / shot))
        dialog.accept()

    QTimer.singleShot(100, lambda: pick("beratung-halle", "profile-chooser.png"))
    assert choose_profile(root, None) == both[1]
    window.profile_dir = both[0]
    QTimer.singleShot(100, lambda: pick("beratung-halle"))
    window.switch_profile()
    assert window.switch_to == both[1]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
