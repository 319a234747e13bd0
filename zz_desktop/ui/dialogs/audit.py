"""The history of one record: who did what when, and which fields changed (never values)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services.history import record_history
from zz_desktop.store.database import Store
from zz_desktop.ui.labels import enum_label, fmt_datetime


class AuditDialog(QDialog):
    def __init__(
        self, store: Store, record_id: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("History: %1").replace("%1", title))
        lay = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("auditEntries")
        self.tree.setAccessibleName(self.tr("History"))
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Fields")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 140)
        self.tree.setColumnWidth(1, 160)
        self.tree.setColumnWidth(2, 110)
        for line in record_history(store, record_id):
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        fmt_datetime(line.at),
                        line.who,
                        enum_label("action", line.action),
                        line.fields,
                    ]
                )
            )
        lay.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 360)
