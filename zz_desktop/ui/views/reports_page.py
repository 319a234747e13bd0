"""The Reports page (placeholder; the reports helper fills it with the report forms)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from zz_desktop.store.database import Store
from zz_desktop.ui.widgets import heading


class ReportsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("page_reports")
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Reports"), self))
        label = QLabel(
            self.tr("Reports (activity report, ESF report, protocols) will appear here."), self
        )
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setProperty("role", "muted")
        lay.addWidget(label)
        lay.addStretch(1)
