"""B7: cold start to a usable main window on a 100k profile (a fresh process: import, open the
encrypted store, build and show the window, paint). Baseline: ``python -c "import
PySide6.QtWidgets"``."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Result, bench_profile

BUDGET = "B7"
TITLE = "cold start"
ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import os, sys, time
from pathlib import Path
if os.environ.get("ZZ_BENCH_RAW_KEY"):
    # Stands in for the OS keyring: the key is fetched, not derived from a passphrase.
    import zz_desktop.store.database as db
    db.resolve_key = lambda meta, passphrase: os.environ["ZZ_BENCH_RAW_KEY"]
from zz_desktop.ui.application import make_app
app = make_app("de")
from zz_desktop.store.database import open_store
from zz_desktop.ui.mainwindow import MainWindow
t_open = time.perf_counter()
store = open_store(Path(sys.argv[1]), passphrase="bench-geheim")
t_open = time.perf_counter() - t_open
w = MainWindow(store)
w.show()
w.repaint()
app.processEvents()
print("ready", round(t_open * 1000, 1), flush=True)
sys.stdin.readline()  # then close like a user quitting: a killed app would count as a crash
w.close()
store.close()
"""


OPEN_MS: list[float] = []


def _time(cmd: list[str], key: str | None = None) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if key:
        env["ZZ_BENCH_RAW_KEY"] = key
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    if len(cmd) > 3:  # the app: time until it says it is ready
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - t0
        assert line.startswith("ready"), line
        OPEN_MS.append(float(line.split()[1]))
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.close()
    else:
        proc.wait()
        elapsed = time.perf_counter() - t0
    proc.wait()
    return elapsed * 1000


def run(smoke: bool) -> list[Result]:
    n = 300 if smoke else 100_000
    reps = 1 if smoke else 5
    child = [sys.executable, "-c", CHILD]
    with bench_profile(n) as store:
        profile = str(store.profile_dir)
        key = store._key
        store.close()
        OPEN_MS.clear()
        app = [_time([*child, profile, "x"], key) for _ in range(reps + (0 if smoke else 1))]
        opens = list(OPEN_MS)
        with_kdf = [_time([*child, profile, "x"]) for _ in range(1 if smoke else 2)]
        base = [_time([sys.executable, "-c", "import PySide6.QtWidgets"]) for _ in range(reps)]
    if not smoke:
        app, opens = app[1:], opens[1:]  # the first run warms the OS file cache
    med, med_open = statistics.median(app), statistics.median(opens)
    info = "(information)"
    return [
        Result(
            "to usable main window (key from the keyring)",
            med,
            "ms",
            "≤ 1500 ms",
            statistics.median(base),
            'python -c "import PySide6.QtWidgets"',
            med <= 1500,
            {"consultations": n},
        ),
        Result(
            "of which opening the store (key check, size check, migrations)",
            med_open,
            "ms",
            info,
        ),
        Result(
            "without opening the store (imports, window, first paint)", med - med_open, "ms", info
        ),
        Result(
            "the same with a passphrase (scrypt key derivation)",
            statistics.median(with_kdf),
            "ms",
            info,
        ),
    ]
