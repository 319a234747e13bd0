"""The QApplication: language, look, crash handler, opening the profile (asking for a
passphrase where there is no keyring), the main window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from zz_desktop import APP_TITLE
from zz_desktop.errors import ProfileError
from zz_desktop.paths import default_profile_dir
from zz_desktop.services import profiles
from zz_desktop.store.database import Store


def ask_passphrase(parent: object | None, new: bool) -> str | None:
    text = QApplication.translate(
        "Application",
        "No system keyring is available, so the profile is protected by a passphrase.\n"
        "Please enter the passphrase:",
    )
    if new:
        text = QApplication.translate(
            "Application",
            "No system keyring is available, so the new profile is protected by a passphrase.\n"
            "Choose a passphrase (it cannot be recovered):",
        )
    value, ok = QInputDialog.getText(None, APP_TITLE, text, QLineEdit.EchoMode.Password)
    return value if ok and value else None


def open_profile_gui(profile: Path) -> Store | None:
    needs, new = profiles.passphrase_needed(profile)
    passphrase = os.environ.get("ZZ_PASSPHRASE") or None
    for _attempt in range(3):
        if needs and not passphrase:
            passphrase = ask_passphrase(None, new)
            if passphrase is None:
                return None
        try:
            return profiles.open_profile(profile, passphrase)
        except ProfileError as exc:
            QMessageBox.critical(None, APP_TITLE, exc.message)
            if not needs:
                return None
            passphrase = None
    return None


def make_app(lang: str | None = None) -> QApplication:
    """The QApplication with language, style and names set (also used by tests and scripts)."""
    from zz_desktop.ui import i18n_qt, settings, style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("zz-desktop")
    app.setOrganizationName("Zukunftszentren")
    app.setApplicationDisplayName(APP_TITLE)
    settings.upgrade()
    chosen = lang or settings.get(settings.LANGUAGE) or "de"
    i18n_qt.set_language(app, chosen if chosen in ("de", "en") else "de")
    style.apply(app)
    return app


def run(args: argparse.Namespace) -> int:
    from zz_desktop.log import setup_logging
    from zz_desktop.ui import crash, gc_guard, icons

    with contextlib.suppress(OSError):
        setup_logging()
    app = make_app(args.lang)
    crash.install()
    gc_guard.install(app)  # cycles are collected on the GUI thread only (see gc_guard)
    app.setWindowIcon(icons.app_icon())
    if args.profile:
        profile: Path | None = Path(args.profile)
    else:
        from zz_desktop.ui.dialogs.profile_chooser import choose_profile

        default = default_profile_dir()
        profile = choose_profile(default.parent, default)  # several profiles: ask which one
    code = 1
    # Closing the last window ends the event loop explicitly: with a sync round starting in its
    # worker when the window closed, Qt emitted lastWindowClosed but never quit, and the process
    # stayed behind without a window, holding the profile (3 of 6 closes at start-up).
    app.lastWindowClosed.connect(app.quit)
    # One window per profile; "Switch profile …" closes it and names the next one.
    while profile is not None:
        store = open_profile_gui(profile)
        if store is None:
            return 1
        window = open_window(store, profile)
        quit_after = os.environ.get("ZZ_QUIT_AFTER_MS", "")
        if quit_after.isdigit():
            # Smoke tests of the frozen build and start-time measurements: the window came up
            # and the event loop ran; close as a user would (geometry saved, store closed).
            QTimer.singleShot(int(quit_after), window.close)
        code = app.exec()
        store.close()
        profile = window.switch_to
    return int(code)


def open_window(store: Any, profile: Path) -> Any:
    from zz_desktop.services.identity import ensure_local_identity
    from zz_desktop.ui import ops
    from zz_desktop.ui.mainwindow import MainWindow
    from zz_desktop.ui.sync_ui import install_sync

    if not store.actor.user_id:
        ensure_local_identity(store)
    from zz_desktop.services.erasure import reapply_after_restore

    # After a restore (the settings page restarts the app): a backup made before an Art. 17
    # erasure must not bring the person back (backups/erasures.json; cheap when nothing to do).
    reapply_after_restore(store)
    window = MainWindow(store)
    window.profile_dir = profile
    window.attach_sync(install_sync(window, store))
    window.show()
    # Today's automatic backup runs after the window is usable, on the write executor.
    ops.Op(store.daily_backup, window, write=True).failure(lambda _e: None).run()
    return window
