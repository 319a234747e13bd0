"""Figures of the frozen build for docs/benchmarks.md (budget key B15, kept in benchmarks.json):
bundle and .deb size, and the start to a usable window (``ZZ_QUIT_AFTER_MS=0``: shown, event
loop running, closed) of the frozen binary against ``python -m zz_desktop`` on the same profile.
Run after ``make package``: ``.venv/bin/python packaging/measure_frozen.py`` (takes ~1 min)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.harness import Result  # noqa: E402
from bench.run_all import store_results  # noqa: E402

DIST = ROOT / "dist"
BINARY = DIST / "zz-desktop" / "zz-desktop"
TITLE = "frozen build (PyInstaller one-folder)"


def _size_mib(folder: Path) -> float:
    files = (f for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 2**20


def _seconds(args: list[str], env: dict[str, str], runs: int = 3) -> float:
    took = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=120)
        took.append(time.perf_counter() - started)
    return statistics.median(took) * 1000


def main() -> int:
    if not BINARY.is_file():
        print("no frozen build: run `make package` first")
        return 1
    with tempfile.TemporaryDirectory(prefix="zz-measure-") as tmp_dir:
        tmp = Path(tmp_dir)
        env = {
            **os.environ,
            "HOME": str(tmp),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "data"),
            "QT_QPA_PLATFORM": "offscreen",
            "ZZ_PASSPHRASE": "measure",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        profile = ["--profile", str(tmp / "profile")]
        subprocess.run([str(BINARY), *profile, "demo", "--consultations", "200"], env=env,
                       check=True, capture_output=True)  # fmt: skip
        gui = {**env, "ZZ_QUIT_AFTER_MS": "0"}
        frozen = _seconds([str(BINARY), *profile], gui)
        source = _seconds(
            [sys.executable, "-m", "zz_desktop", *profile], {**gui, "PYTHONPATH": str(ROOT)}
        )
        frozen_v = _seconds([str(BINARY), "--version"], env)
        source_v = _seconds(
            [sys.executable, "-m", "zz_desktop", "--version"], {**env, "PYTHONPATH": str(ROOT)}
        )
    rows = [
        Result(
            "bundle size (dist/zz-desktop)", _size_mib(DIST / "zz-desktop"), "MiB", "(information)"
        ),
        Result(
            "start to usable window and close (passphrase profile, offscreen)",
            frozen,
            "ms",
            "(information)",
            source,
            "python -m zz_desktop",
        ),  # fmt: skip
        Result(
            "`--version` (imports only)",
            frozen_v,
            "ms",
            "(information)",
            source_v,
            "python -m zz_desktop --version",
        ),  # fmt: skip
    ]
    debs = sorted(DIST.glob("zz-desktop_*.deb"))
    if debs:
        rows.insert(
            1,
            Result(
                f".deb ({debs[-1].name})", debs[-1].stat().st_size / 2**20, "MiB", "(information)"
            ),
        )
    store_results([("B15", TITLE, r) for r in rows], 0.0)
    for r in rows:
        print(
            f"{r.name}: {r.value:.1f} {r.unit}"
            + (f" (baseline {r.baseline:.1f})" if r.baseline else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
