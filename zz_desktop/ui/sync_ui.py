"""Background sync in the GUI: on start, every few minutes, on demand (toolbar action
``syncAction``) and on close (bounded). The engine runs on a worker thread; the GUI thread only
receives progress and results by signal.

Hook API (for the main window's owner)::

    controller = install_sync(main_window, store)
    controller.sync_now()            # start a round unless one runs (returns False then)
    controller.show_login()          # the login dialog (binds the profile to the centre)
    controller.show_conflicts()      # the conflict inbox
    controller.finished.connect(fn)  # fn(report | None, error message | None) after each round
    controller.progress.connect(fn)  # fn(stage, done, total)
    controller.set_interval(minutes) # 0 = no periodic sync
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from zz_desktop.errors import UserError
from zz_desktop.services import sync_problems, sync_service
from zz_desktop.store.database import Store
from zz_desktop.sync.errors import ClientOutdated, MassDeleteBlocked, Offline, TokenRevoked
from zz_desktop.ui.bus import ChangeSet, bus

log = logging.getLogger("zz_desktop.ui.sync")
DEFAULT_INTERVAL_MIN = 5
#: The one sync interval setting (in the profile, not in QSettings): the settings page writes it,
#: the scheduler reads it.
INTERVAL_KEY = "sync.interval_minutes"


def interval_minutes(store: Store) -> int:
    try:
        return int(store.get_setting(INTERVAL_KEY, DEFAULT_INTERVAL_MIN))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_INTERVAL_MIN


CLOSE_BUDGET_MS = 4000
RETRY_STEPS_S = (30, 60, 120, 240)


def pulled_anything(report: Any) -> bool:
    return any(
        getattr(report, name, 0)
        for name in ("pulled", "deleted", "erased", "conflicts", "snapshot", "resynced")
    )


class _Signals(QObject):
    progress = Signal(str, int, int)
    done = Signal(object, object)  # report, error


class _Round(QRunnable):
    def __init__(self, store: Store, allow_mass_delete: bool, quick: bool) -> None:
        super().__init__()
        self.store = store
        self.allow_mass_delete = allow_mass_delete
        self.quick = quick
        self.signals = _Signals()

    def run(self) -> None:
        opts: dict[str, Any] = {"timeout": 3.0, "retries": 0} if self.quick else {}
        try:
            report = sync_service.sync(
                self.store,
                progress=lambda s, d, t: self.signals.progress.emit(s, d, t),
                allow_mass_delete=self.allow_mass_delete,
                **opts,
            )
        except UserError as exc:
            self.signals.done.emit(None, exc)
            return
        except Exception as exc:  # noqa: BLE001 - shown as one line, details in the log
            log.exception("sync round failed")
            self.signals.done.emit(None, exc)
            return
        self.signals.done.emit(report, None)


class SyncController(QObject):
    progress = Signal(str, int, int)
    finished = Signal(object, object)  # report or None, error message or None
    session_changed = Signal(bool)  # logged in?

    def __init__(self, window: QMainWindow, store: Store) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.running = False
        self._failures = 0
        self._closing = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.sync_now)
        self.action = window.findChild(QAction, "syncAction")
        if self.action is None:
            self.action = QAction(self.tr("Synchronise"), window)
            self.action.setObjectName("syncAction")
            window.addAction(self.action)
        self.action.setEnabled(True)
        self.action.setToolTip(self.tr("Synchronise with the hub"))
        self.action.triggered.connect(self._on_action)
        window.installEventFilter(self)
        from zz_desktop.ui.library_fetch import FileFetcher

        # Wissenspool files named by pulled items follow in the background (resumable).
        self.files = FileFetcher(
            store, lambda text: window.statusBar().showMessage(text, 10_000), parent=self
        )
        self.set_interval(interval_minutes(store))
        self.show_status()

    # -- scheduling ------------------------------------------------------------------------

    def set_interval(self, minutes: int) -> None:
        self.timer.stop()
        if minutes > 0:
            self.timer.start(minutes * 60_000)

    def start(self) -> None:
        """Sync once soon after start (when logged in)."""
        if sync_service.status(self.store).logged_in:
            QTimer.singleShot(0, self.sync_now)

    def _on_action(self) -> None:
        if not sync_service.status(self.store).logged_in:
            self.show_login()
            return
        self.sync_now()

    def sync_now(self, allow_mass_delete: bool = False, quick: bool = False) -> bool:
        if self.running or not sync_service.status(self.store).logged_in:
            return False
        self.running = True
        self.action.setEnabled(False)
        self._set_status(self.tr("Synchronising…"))
        job = _Round(self.store, allow_mass_delete, quick)
        job.signals.progress.connect(self._on_progress)
        job.signals.done.connect(self._on_done)
        self.pool.start(job)
        return True

    # -- results ---------------------------------------------------------------------------

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.progress.emit(stage, done, total)
        names = {
            "push": self.tr("sending"),
            "pull": self.tr("receiving"),
            "check": self.tr("checking"),
        }
        if stage in names:
            text = self.tr("Synchronising: %1 %2/%3").replace("%1", names[stage])
            self._set_status(text.replace("%2", str(done)).replace("%3", str(total)))

    def _on_done(self, report: Any, error: Exception | None) -> None:
        self.running = False
        self.action.setEnabled(True)
        message = None
        if error is None:
            self._failures = 0
            for warning in getattr(report, "warnings", []):
                self.window.statusBar().showMessage(warning, 15_000)
            problems = sync_problems.summary(
                getattr(report, "rejected", 0), getattr(report, "quarantined", 0)
            )
            if problems:  # refused or set aside in this round: never only in the log
                self.window.statusBar().showMessage(problems, 30_000)
            if pulled_anything(report):
                # The round wrote rows from other devices: every open view reloads (an empty
                # ChangeSet touches every entity; the report does not say which were hit).
                bus().announce(ChangeSet())
            if not self._closing:
                # After every good round, not only after a pull: an interrupted fetch resumes.
                self.files.start()
        else:
            # UserErrors carry one translated line; anything else is a bug: no class names
            # or tracebacks for the user (the log has the details).
            message = (
                error.message
                if isinstance(error, UserError)
                else self.tr("Synchronisation failed. Details are in the log file.")
            )
            self._handle_error(error)
        self.show_status()  # also refreshes the counts
        self.finished.emit(report, message)

    def _handle_error(self, error: Exception) -> None:
        if self._closing:
            return
        if isinstance(error, MassDeleteBlocked):
            answer = QMessageBox.question(self.window, self.tr("Many deletions"), str(error))
            if answer == QMessageBox.StandardButton.Yes:
                QTimer.singleShot(0, lambda: self.sync_now(allow_mass_delete=True))
        elif isinstance(error, Offline):
            delay = RETRY_STEPS_S[min(self._failures, len(RETRY_STEPS_S) - 1)]
            self._failures += 1
            self.retry_timer.start(delay * 1000)  # retried without waiting for a new write
        elif isinstance(error, TokenRevoked | ClientOutdated):
            self.window.statusBar().showMessage(str(error), 30_000)

    def _set_status(self, text: str) -> None:
        setter = getattr(self.window, "set_sync_status", None)
        if callable(setter):
            setter(text)
        else:
            self.window.statusBar().showMessage(text)

    def show_status(self) -> None:
        self._set_status(sync_service.status_head(sync_service.status(self.store)))
        refresh = getattr(self.window, "refresh_counts", None)
        if callable(refresh):  # the counts next to it come from the same moment
            refresh()

    # -- dialogs ---------------------------------------------------------------------------

    def show_login(self) -> bool:
        from zz_desktop.ui.dialogs.login_dialog import LoginDialog

        dialog = LoginDialog(self.store, self.window)
        ok = bool(dialog.exec())
        self.show_status()
        if ok:
            self.set_interval(interval_minutes(self.store))
            self.session_changed.emit(True)
            self.sync_now()
        return ok

    def logged_in(self) -> bool:
        return sync_service.status(self.store).logged_in

    def logout(self) -> None:
        """Revoke this device's token on the hub (when reachable) and forget it; data stays."""
        from zz_desktop.ui import ops

        store = self.store

        def done(_: object) -> None:
            self.timer.stop()
            self.retry_timer.stop()
            self.show_status()
            self.window.statusBar().showMessage(
                self.tr("Logged out of the hub. Your data stays on this device."), 10_000
            )
            self.session_changed.emit(False)

        ops.Op(lambda: sync_service.logout(store), self.window, write=True).success(done).failure(
            lambda e: ops.show_error(self.window, e)
        ).run()

    def show_conflicts(self) -> None:
        from zz_desktop.ui.dialogs.conflict_inbox import ConflictInbox

        ConflictInbox(self.store, self.window).exec()
        self.show_status()

    def show_problems(self) -> None:
        from zz_desktop.ui.dialogs.sync_problems_dialog import SyncProblemsDialog

        SyncProblemsDialog(self.store, self.window).exec()

    # -- close -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close and not self._closing:
            self._closing = True
            self.files.stop()
            self.timer.stop()
            self.retry_timer.stop()
            self.sync_now(quick=True)
            self.pool.waitForDone(CLOSE_BUDGET_MS)  # bounded: never keeps the window long
        return False


def install_sync(main_window: QMainWindow, store: Store) -> SyncController:
    controller = SyncController(main_window, store)
    controller.start()
    return controller
