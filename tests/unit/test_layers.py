"""Layer rules of architecture.md: only zz_desktop/ui imports PySide6; the hub never imports
the desktop beyond its domain; domain imports neither SQLAlchemy nor Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(*packages: str) -> list[Path]:
    return [p for pkg in packages for p in sorted((ROOT / pkg).rglob("*.py"))]


def test_pyside6_only_in_ui() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files("zz_desktop", "zz_protocol", "zz_hub", "bench")
        if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imports(p))
        and "zz_desktop/ui/" not in p.as_posix()
        and not p.name.startswith(("b4_", "b7_"))  # GUI benches measure Qt itself
    ]
    assert offenders == []


def test_hub_imports_only_protocol_and_domain() -> None:
    offenders = []
    for p in _files("zz_hub", "zz_protocol"):
        for name in _imports(p):
            if (
                name.startswith("zz_desktop")
                and not name.startswith("zz_desktop.domain")
                and name != "zz_desktop"
            ):
                offenders.append(f"{p.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_domain_is_pure() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in _files("zz_desktop/domain")
        for n in _imports(p)
        if n.split(".")[0] in ("sqlalchemy", "PySide6", "httpx")
    ]
    assert offenders == []


def test_cli_does_not_load_qt() -> None:
    code = (
        "import sys, zz_desktop.cli as c; c.build_parser(); "
        "import zz_desktop.services.consultations, zz_desktop.store.database; "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_report_layouts_never_touch_the_store() -> None:
    """Issue 11: the PDF modules lay out what reports.queries returns; only the query modules
    read the store (no models, no SQL in a layout module)."""
    offenders = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in _files("zz_desktop/reports")
        if "reports/queries/" not in p.as_posix()
        for n in _imports(p)
        if n.split(".")[0] == "sqlalchemy" or n == "zz_desktop.store.models"
    ]
    assert offenders == []
    assert not (ROOT / "zz_desktop" / "services" / "report_queries.py").exists()
