"""B4: open the consultations list with 100k rows (first paint) and jump to the last row, with
the lazy SQL model; memory of the model. Baseline: all rows loaded into a QStandardItemModel."""

from __future__ import annotations

import os
import statistics
import time
import tracemalloc

from bench.harness import Result, bench_profile

BUDGET = "B4"
TITLE = "consultations list, 100k rows"


def _app():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zz_desktop.ui.application import make_app

    return make_app("de")


def run(smoke: bool) -> list[Result]:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from zz_desktop.services import listing
    from zz_desktop.ui.labels import fmt_cell
    from zz_desktop.ui.models.sql_list import SqlListModel

    app = _app()
    n = 300 if smoke else 100_000
    reps = 1 if smoke else 5
    with bench_profile(n) as store:
        first, jump, memory, background = [], [], [], []
        for rep in range(reps + 1):
            # The last repetition measures memory (tracemalloc slows everything: not timed).
            trace = rep == reps
            view = QTableView()
            view.resize(1200, 700)
            view.show()
            app.processEvents()
            if trace:
                tracemalloc.start()
            t0 = time.perf_counter()
            model = SqlListModel(store, "consultation")
            view.setModel(model)
            view.viewport().repaint()
            app.processEvents()
            t1 = time.perf_counter()
            paint_ms = (t1 - t0) * 1000
            # The full id list arrives from a worker; the user jumps once the list is there.
            while not model.is_complete():
                app.processEvents()
            if not trace:
                background.append((time.perf_counter() - t1) * 1000)
            t1 = time.perf_counter()
            model.fetch_all()
            view.scrollToBottom()
            view.viewport().repaint()
            app.processEvents()
            t2 = time.perf_counter()
            if trace:
                memory.append(tracemalloc.get_traced_memory()[1] / 1e6)
                tracemalloc.stop()
            else:
                first.append(paint_ms)
                jump.append((t2 - t1) * 1000)
            assert model.rowCount() == model.total() >= n * 0.9
            view.close()
            view.deleteLater()
            model.deleteLater()
            app.processEvents()

        # Baseline: every row into a QStandardItemModel, then paint.
        base = []
        for _ in range(1 if smoke else 2):
            view = QTableView()
            view.resize(1200, 700)
            view.show()
            t0 = time.perf_counter()
            ids = listing.list_ids(store, "consultation")
            cols = listing.spec("consultation").columns
            # (setData, not appendRow/setItem: those drop a reference to None per call in
            # PySide6 6.12, which crashes the interpreter after ~100k calls.)
            std = QStandardItemModel(len(ids), len(cols))
            for start in range(0, len(ids), 2000):
                chunk = listing.rows(store, "consultation", ids[start : start + 2000])
                for r, raw in enumerate(chunk, start):
                    for c, (col, v) in enumerate(zip(cols, raw, strict=True)):
                        std.setData(std.index(r, c), fmt_cell(col.kind, col.key, v))
            view.setModel(std)
            view.viewport().repaint()
            app.processEvents()
            base.append((time.perf_counter() - t0) * 1000)
            view.close()
            view.deleteLater()
            std.deleteLater()
            app.processEvents()
    med_first, med_jump = statistics.median(first), statistics.median(jump)
    return [
        Result(
            "first paint",
            med_first,
            "ms",
            "≤ 150 ms",
            statistics.median(base),
            "QStandardItemModel with all rows",
            med_first <= 150,
            {"rows": n},
        ),
        Result("jump to last row", med_jump, "ms", "≤ 300 ms", None, "", med_jump <= 300),
        Result(
            "full id list from the worker, after the first paint (information)",
            statistics.median(background),
            "ms",
            "–",
        ),
        Result(
            "model memory (Python, peak)", max(memory), "MB", "≤ 50 MB", None, "", max(memory) <= 50
        ),
    ]
