"""Printing PDFs from the app, and the Beratungsprotokoll of one consultation.

``print_protocol(store, consultation_id, parent)`` builds the protocol off the GUI thread, shows
it in a preview dialog (QtPdf) with Print and Save as, and records the audit entry "print" when
it is printed or saved. ``print_pdf`` and ``PdfPreview`` are shared with the Reports page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet


class PdfPreview(QPdfView):
    """A scrolling, fit-to-width view of PDF bytes (keeps the document and its buffer alive)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        # Document and buffer without a Qt parent (owned here): with the view as their parent,
        # tearing the view down while QtPdf still held the buffer crashed the next render.
        self.document = QPdfDocument(None)
        self._buffer: QBuffer | None = None
        self.pdf: bytes = b""
        self.setDocument(self.document)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def show_pdf(self, pdf: bytes) -> None:
        self.document.close()
        self.pdf = pdf
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.close()
        self._buffer = buffer

    def clear(self) -> None:
        """Show nothing (the shown PDF no longer matches the choices)."""
        self.document.close()
        self.pdf = b""
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None

    def page_count(self) -> int:
        return int(self.document.pageCount())


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` onto ``printer`` at its resolution; returns the pages."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        area = printer.pageLayout().paintRectPixels(dpi)
        for i in range(document.pageCount()):
            if i:
                printer.newPage()
            points = document.pagePointSize(i)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(i, size)
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()
    return int(document.pageCount())


def print_pdf(document: QPdfDocument, parent: QWidget | None) -> bool:
    """The system print dialog, then the pages onto the chosen printer. True when printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return render_to_printer(document, printer) > 0


def save_pdf(pdf: bytes, parent: QWidget | None, suggested: str) -> Path | None:
    title = QApplication.translate("ProtocolDialog", "Save report")
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    from zz_desktop import reports

    reports.write(path, pdf)
    return path


class ProtocolDialog(QDialog):
    """Preview of one Beratungsprotokoll with Print and Save as."""

    def __init__(self, store: Store, consultation_id: str, pdf: bytes, parent: QWidget | None):
        super().__init__(parent)
        self.store = store
        self.consultation_id = consultation_id
        self.setObjectName("protocol_dialog")
        self.setWindowTitle(self.tr("Consultation record"))
        self.resize(760, 900)
        lay = QVBoxLayout(self)
        self.preview = PdfPreview(self)
        self.preview.show_pdf(pdf)
        lay.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("Print …"), self)
        self.save_button = QPushButton(self.tr("Save as …"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_)
        self.save_button.clicked.connect(self.save)
        lay.addWidget(buttons)

    def _audit(self) -> None:
        from zz_desktop.services.report_audit import record_print

        cid = self.consultation_id
        ops.run_write(
            lambda: record_print(self.store, cid),
            self,
            ChangeSet.of("audit_entry", ids=[cid]),
        ).run()

    def print_(self) -> None:
        if print_pdf(self.preview.document, self):
            self._audit()

    def save(self) -> None:
        if save_pdf(self.preview.pdf, self, "Beratungsprotokoll.pdf") is not None:
            self._audit()


def print_protocol(
    store: Store,
    consultation_id: str,
    parent: QWidget | None,
    lang: str | None = None,
    on_shown: Callable[[ProtocolDialog], None] | None = None,
) -> ops.Op:
    """Build the protocol on a worker, then open its preview (Print, Save as). Returns the
    running operation; ``on_shown`` receives the dialog (tests use it)."""
    from zz_desktop import i18n, reports

    language = lang or i18n.get_language()

    def show(pdf: bytes) -> None:
        dialog = ProtocolDialog(store, consultation_id, pdf, parent)
        dialog.setModal(False)
        dialog.show()
        if on_shown is not None:
            on_shown(dialog)

    op = ops.run_read(
        lambda: reports.render(store, "protocol", consultation_id=consultation_id, lang=language),
        parent,
    )
    return op.success(show).run()
