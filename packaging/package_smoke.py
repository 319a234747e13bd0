"""``make package-smoke``: the frozen build does the whole job on a temporary profile.

Starts a local hub (this venv, SQLite, demo accounts) and then, with the frozen binary only:
``--version``; login; demo data; JSON export (read back); one sync; an activity report (a PDF);
the GUI offscreen (window up, event loop running, closed by ``ZZ_QUIT_AFTER_MS``). Prints a
report with timings and exits 0, or names the step that failed and exits 1.
Usage: python packaging/package_smoke.py dist/zz-desktop/zz-desktop
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zz_hub.testing import running_hub_process, sqlite_url


class SmokeFailed(Exception):
    pass


def main(binary: Path) -> int:
    binary = binary.resolve()  # the steps run in a temporary directory
    if not binary.is_file():
        print(f"package-smoke: no frozen binary at {binary} (run `make package` first)")
        return 1
    with tempfile.TemporaryDirectory(prefix="zz-smoke-") as tmp_dir:
        tmp = Path(tmp_dir)
        profile = tmp / "profile"
        # Everything the app writes (settings, logs, keyring attempts) stays in tmp.
        env = {
            **os.environ,
            "HOME": str(tmp / "home"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "XDG_STATE_HOME": str(tmp / "state"),
            "QT_QPA_PLATFORM": "offscreen",
            "ZZ_PASSPHRASE": "smoke-passphrase",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        env.pop("PYTHONPATH", None)  # the frozen build must not need the source tree
        report: list[tuple[str, float, str]] = []

        def step(
            name: str,
            *args: str,
            stdin: str | None = None,
            extra: dict[str, str] | None = None,
            timeout: float = 300,
        ) -> str:
            started = time.perf_counter()
            try:
                done = subprocess.run(
                    [str(binary), *args],
                    input=stdin,
                    capture_output=True,
                    text=True,
                    env={**env, **(extra or {})},
                    timeout=timeout,
                    cwd=tmp,
                )
            except subprocess.TimeoutExpired:
                raise SmokeFailed(f"{name}: no exit within {timeout:.0f} s") from None
            took = time.perf_counter() - started
            if done.returncode != 0:
                tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
                raise SmokeFailed(f"{name}: exit {done.returncode}: " + " | ".join(tail))
            report.append(
                (
                    name,
                    took,
                    done.stdout.strip().splitlines()[-1:][0] if done.stdout.strip() else "",
                )
            )
            return done.stdout

        try:
            with running_hub_process(sqlite_url(tmp)) as hub:
                version = step("version", "--version")
                common = ("--profile", str(profile))
                # The centre manager: the activity report is hers (roles table).
                step("login", *common, "login", "--hub", hub.base_url, "--user", "leitung",
                     "--password-stdin", stdin="demo\n")  # fmt: skip
                step("demo data", *common, "demo", "--consultations", "40")
                out = tmp / "export.json"
                step("export JSON", *common, "export", "--format", "json", "--out", str(out))
                exported = json.loads(out.read_text(encoding="utf-8"))
                if not exported:
                    raise SmokeFailed("export JSON: empty export")
                step("sync", *common, "sync")
                pdf = tmp / "activity.pdf"
                year = str(dt.date.today().year)
                step("report", *common, "report", "activity", "--year", year, "--out", str(pdf))
                if not pdf.read_bytes().startswith(b"%PDF"):
                    raise SmokeFailed("report: not a PDF")
                # Closed in the very first event-loop turn, while the start-up sync and backup
                # are starting: the hardest moment for a clean exit.
                step("GUI offscreen", *common, extra={"ZZ_QUIT_AFTER_MS": "0"}, timeout=120)
        except SmokeFailed as failed:
            print(f"package-smoke: FAILED {failed}")
            return 1
    files = binary.parent.rglob("*")
    size = sum(f.stat().st_size for f in files if f.is_file() and not f.is_symlink())
    print(f"package-smoke: {version.strip()}, bundle {size / 2**20:.0f} MiB")
    for name, took, last in report:
        print(f"  ok  {name:<14} {took:6.2f} s  {last[:70]}")
    print(f"package-smoke: {len(report)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/zz-desktop/zz-desktop")))
