"""Regenerate the GUI catalogue: ``python -m zz_desktop.ui.i18n_build`` runs pyside6-lupdate over
the UI code (keeping every existing translation, dropping obsolete ones) into
resources/translations/zz_desktop_de.ts and compiles it with pyside6-lrelease to .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from zz_desktop.paths import resource_path

UI_DIR = Path(__file__).resolve().parent
TS = resource_path("translations", "zz_desktop_de.ts")


def tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p) for p in UI_DIR.rglob("*.py") if p.name != "i18n_build.py")


def update(ts: Path = TS) -> None:
    cmd = [
        tool("pyside6-lupdate"),
        *sources(),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        "de",
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, capture_output=True)


def release(ts: Path = TS) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    return qm


def main() -> int:
    update()
    qm = release()
    print(f"updated {TS.name}, compiled {qm.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
