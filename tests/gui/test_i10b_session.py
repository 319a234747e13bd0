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

    pending = sync_service.status(store).pending  # two rows and their two audit entries
    assert pending == 4
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
