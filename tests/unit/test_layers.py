"""Layer rules of architecture.md: only zz_desktop/ui imports PySide6; the hub never imports
the desktop beyond its domain; domain imports neither SQLAlchemy nor Qt."""

from __future__ import annotations

import ast
import re
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


#: The reports' query layer (issue 11): one module per report, every printed figure comes from
#: one of its functions; services and the CLI call them, the PDF modules take their results.
#: It is the only part of reports/ that reads the store.
_QUERY_LAYER = "zz_desktop/reports/queries/"


def _checked(p: Path) -> bool:
    return not p.relative_to(ROOT).as_posix().startswith(_QUERY_LAYER)


def _store_offence(name: str) -> bool:
    """An import through which ui/ or reports/ would reach the store's insides: SQLAlchemy
    itself, the models, or any store module other than the ``Store`` handle services take."""
    if name.split(".")[0] == "sqlalchemy":
        return True
    return name.startswith("zz_desktop.store") and name != "zz_desktop.store.database"


def test_ui_and_reports_reach_the_store_only_through_services() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in _files("zz_desktop/ui", "zz_desktop/reports")
        if _checked(p)
        for n in sorted(_imports(p))
        if _store_offence(n)
    ]
    assert offenders == []


def test_ui_and_reports_take_only_the_store_handle_from_the_database_module() -> None:
    """``zz_desktop.store.database`` is allowed for the ``Store`` type only (what every service
    takes); opening, migrating or querying goes through services."""
    offenders = []
    for p in _files("zz_desktop/ui", "zz_desktop/reports"):
        if not _checked(p):
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "zz_desktop.store.database":
                offenders += [
                    f"{p.relative_to(ROOT)}: {a.name}" for a in node.names if a.name != "Store"
                ]
    assert offenders == []


#: What running SQL looks like: opening a transaction of the store, a session's query methods,
#: a raw driver statement. (Patterns, not names: a file's ``.read()`` or a "login session" is fine.)
_SQL_USE = re.compile(
    r"store\.(read|write)\(|\bsession\.(execute|scalars?|get|add|query|connection|flush)\("
    r"|exec_driver_sql"
)


def test_ui_and_reports_run_no_sql() -> None:
    """No session in ui/ or reports/: ``store.read()``/``store.write()`` belong to services
    (a text check; the import tests above already keep SQLAlchemy's names out)."""
    offenders = [
        f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in _files("zz_desktop/ui", "zz_desktop/reports")
        if _checked(p)
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if _SQL_USE.search(line)
    ]
    assert offenders == []


def test_importexport_has_no_import_circle() -> None:
    """The readers import the shared row types from importexport.table, never each other's
    picker (importexport.sources): the module graph of the package has no cycle."""
    package = "zz_desktop.importexport"
    graph = {
        f"{package}.{p.stem}": {
            n for n in _imports(p) if n.startswith(package + ".") and n != f"{package}.{p.stem}"
        }
        for p in _files("zz_desktop/importexport")
        if p.stem != "__init__"
    }
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif len(path) < len(graph):
                visit(nxt, [*path, nxt])

    for start in graph:
        visit(start, [start])
    assert cycles == []


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
