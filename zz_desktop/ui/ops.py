"""The one way to run work off the GUI thread.

``Op(fn).success(cb).failure(cb).run()`` runs ``fn`` on a thread pool and calls ``cb`` on the GUI
thread with its result (results come back by signal). Reads share the global pool; every write
goes through ONE single-worker pool, so writes never race each other. A progress dialog appears
only when the work takes longer than ~500 ms; long work can be cancelled (``fn`` then receives a
:class:`CancelToken`). After a write with ``changes=`` the change bus announces what changed.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from zz_desktop.errors import UserError
from zz_desktop.ui.bus import ChangeSet, bus

log = logging.getLogger("zz_desktop.ui.ops")
PROGRESS_DELAY_MS = 500

_write_pool: QThreadPool | None = None
#: Running operations by key; the GUI thread holds every op (and what its callbacks reference)
#: until its result is delivered, so no reference to a widget ever ends on a worker.
_running: dict[int, Op] = {}
_keys = itertools.count(1)
#: Results handed from the workers to the GUI thread (key → (result, error)).
_results: dict[int, tuple[Any, BaseException | None]] = {}
_results_lock = threading.Lock()


def write_pool() -> QThreadPool:
    """The single-worker executor that serialises all writes."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
        _write_pool.setExpiryTimeout(-1)
    return _write_pool


def idle() -> bool:
    """True when no operation is running (tests wait for this)."""
    return not _running


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class Cancelled(Exception):
    """Raised by work that noticed its :class:`CancelToken`."""


class _Relay(QObject):
    """ONE object on the GUI thread for the whole process: a worker emits ``done`` with its op's
    key and Qt queues the call to here. (A relay per op was destroyed wherever its last reference
    went — at times on a worker, where destroying a QObject can deadlock with the GUI thread;
    see gc_guard.)"""

    done = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int)
    def _deliver(self, key: int) -> None:
        with _results_lock:
            result, error = _results.pop(key, (None, None))
        op = _running.get(key)
        if op is not None:
            op._finish(result, error)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:  # first made by Op.run, on the GUI thread
        _relay = _Relay()
    return _relay


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], key: int, relay: _Relay) -> None:
        super().__init__()
        self.fn: Callable[[], Any] | None = fn
        self.key = key
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        fn, self.fn = self.fn, None
        assert fn is not None
        try:
            result, error = fn(), None
        except BaseException as exc:  # noqa: BLE001  (handed to the GUI thread, never lost)
            result, error = None, exc
        # Hand everything over before signalling and keep nothing here: the closure, the result
        # and a traceback's frames may hold widgets, and their last reference must not end on
        # this thread.
        del fn
        with _results_lock:
            _results[self.key] = (result, error)
        del result, error
        try:
            self.relay.done.emit(self.key)
        except RuntimeError:
            log.info("operation finished after the application closed")


class Op:
    """One piece of work. ``write=True`` puts it on the write executor."""

    def __init__(
        self,
        fn: Callable[..., Any],
        parent: QWidget | None = None,
        *,
        write: bool = False,
        changes: ChangeSet | None = None,
        label: str | None = None,
        cancellable: bool = False,
    ) -> None:
        self.fn = fn
        self.parent = parent
        self.write = write
        self.changes = changes
        self.label = label
        self.token = CancelToken() if cancellable else None
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.key = next(_keys)
        self._progress: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self.finished = False

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._failure = callback
        return self

    def run(self) -> Op:
        _running[self.key] = self
        fn, token = self.fn, self.token
        work = (lambda: fn(token)) if token is not None else fn
        pool = write_pool() if self.write else QThreadPool.globalInstance()
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)
        self._timer.start(PROGRESS_DELAY_MS)
        pool.start(_Runnable(work, self.key, _the_relay()))
        return self

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()

    def _show_progress(self) -> None:
        if self.finished or QApplication.instance() is None:
            return
        text = self.label or QApplication.translate("Ops", "Working …")
        dialog = QProgressDialog(text, "", 0, 0, self.parent)
        dialog.setWindowTitle(QApplication.translate("Ops", "Please wait"))
        dialog.setMinimumDuration(0)
        if self.token is not None:
            dialog.setCancelButtonText(QApplication.translate("Ops", "Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self._progress = dialog

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self.finished = True
        if self._timer is not None:
            self._timer.stop()
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        try:
            if error is None:
                if self.changes is not None:
                    bus().announce(self.changes)
                if self._success is not None:
                    self._success(result)
            elif isinstance(error, Cancelled):
                log.info("operation cancelled")
            elif self._failure is not None:
                self._failure(error)
            else:
                show_error(self.parent, error)
        finally:
            # Drop what references widgets and Qt objects, here on the GUI thread.
            self._timer = None
            self._success = self._failure = None
            del _running[self.key]


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """The default failure handler: a user error as one line, anything else as a crash report."""
    if isinstance(error, UserError):
        QMessageBox.warning(parent, QApplication.translate("Ops", "Not possible"), error.message)
        return
    from zz_desktop.ui.crash import report_exception

    report_exception(type(error), error, error.__traceback__)


def run_read(fn: Callable[[], Any], parent: QWidget | None = None, **kw: Any) -> Op:
    return Op(fn, parent, **kw)


def run_write(fn: Callable[[], Any], parent: QWidget | None, changes: ChangeSet, **kw: Any) -> Op:
    return Op(fn, parent, write=True, changes=changes, **kw)
