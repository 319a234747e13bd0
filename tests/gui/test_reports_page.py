"""The Reports page: choose a report and period, build it on a worker, preview it, print it
(onto a PDF printer) and print a protocol from a consultation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def page(app: Any, store: Any, qtbot: Any) -> Any:
    from zz_desktop.services.demo import generate_demo
    from zz_desktop.ui.views.reports_page import ReportsPage

    generate_demo(store, consultations=120, seed=4)
    widget = ReportsPage(store)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    from zz_desktop.ui import ops

    qtbot.waitUntil(ops.idle, timeout=20_000)


def test_generate_preview_and_print(page: Any, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from zz_desktop.reports.queries.period import Period
    from zz_desktop.ui import ops
    from zz_desktop.ui.dialogs.protocol_print import render_to_printer

    assert not page.print_button.isEnabled()
    page.kind.setCurrentIndex(page.kind.findData("activity"))
    page.set_period(Period.year(2026))
    page.generate()
    qtbot.waitUntil(lambda: bool(page.pdf), timeout=30_000)
    qtbot.waitUntil(ops.idle, timeout=20_000)
    assert page.pdf.startswith(b"%PDF")
    assert page.preview.page_count() >= 2
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert render_to_printer(page.preview.document, printer) == page.preview.page_count()
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_presets_and_protocol(page: Any, qtbot: Any) -> None:
    from zz_desktop.ui import ops
    from zz_desktop.ui.views.reports_page import preset_period

    q = preset_period("last_quarter", dt.date(2026, 2, 10))
    assert (q.start, q.end) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    page.preset.setCurrentIndex(page.preset.findData("this_year"))
    assert page.period().start == dt.date(dt.date.today().year, 1, 1)
    page.date_from.setDate(page.date_from.date().addYears(-5))
    assert page.preset.currentData() == "custom"
    page.kind.setCurrentIndex(page.kind.findData("protocol"))
    qtbot.waitUntil(lambda: page.consultation.count() > 0, timeout=20_000)
    assert page.consultation.isVisible()
    page.generate()
    qtbot.waitUntil(lambda: bool(page.pdf), timeout=30_000)
    qtbot.waitUntil(ops.idle, timeout=20_000)
    assert page.last_kind == "protocol" and page.last_id == page.consultation.currentData()


def test_print_protocol_dialog(page: Any, qtbot: Any, store: Any) -> None:
    from zz_desktop.reports.queries.period import Period
    from zz_desktop.reports.queries.protocol import consultations_in
    from zz_desktop.ui import ops
    from zz_desktop.ui.dialogs.protocol_print import print_protocol

    cid = consultations_in(store, Period.year(2026), limit=1)[0][0]
    shown: list[Any] = []
    print_protocol(store, cid, page, on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    dialog = shown[0]
    assert dialog.preview.page_count() >= 1
    dialog._audit()
    qtbot.waitUntil(ops.idle, timeout=20_000)
    from sqlalchemy import select

    from zz_desktop.store.models import AuditEntry

    with store.read() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == cid))
        assert "print" in list(actions)
    dialog.close()


def test_switching_the_report_drops_the_old_preview_and_saves_the_new(
    page: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any, lang: str
) -> None:
    """Issue 10: after switching the report, "Save as …" saved the old one."""
    import pypdf

    from zz_desktop.reports.queries.period import Period
    from zz_desktop.ui import ops
    from zz_desktop.ui.views import reports_page

    saved: list[bytes] = []
    monkeypatch.setattr(reports_page, "save_pdf", lambda pdf, _p, _s: saved.append(pdf) or tmp_path)
    page.kind.setCurrentIndex(page.kind.findData("activity"))
    page.set_period(Period.year(2026))
    page.generate()
    qtbot.waitUntil(lambda: bool(page.pdf), timeout=30_000)
    qtbot.waitUntil(ops.idle, timeout=20_000)
    page.kind.setCurrentIndex(page.kind.findData("esf"))
    assert page.pdf == b"" and page.preview.page_count() == 0
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
    page.save_button.click()
    assert saved == []
    if lang == "de":
        shot = Path(__file__).resolve().parents[2] / "docs/screenshots/report-stale.png"
        page.grab().save(str(shot))
    page.generate()
    qtbot.waitUntil(lambda: bool(page.pdf), timeout=30_000)
    qtbot.waitUntil(ops.idle, timeout=20_000)
    page.save_button.click()
    import io

    text = "".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(saved[0])).pages)
    assert page.last_kind == "esf" and "ESF" in text and "Tätigkeitsbericht" not in text
