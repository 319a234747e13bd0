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
from sqlalchemy import select

from zz_desktop.store.database import Store
from zz_desktop.store.models import AppUser, AuditEntry
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
        with store.read() as session:
            names = dict(session.execute(select(AppUser.id, AppUser.display_name)).all())
            entries = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity_id == record_id)
                .order_by(AuditEntry.at.desc())
            ).all()
        for e in entries:
            who = names.get(e.user_id or "", e.user_id or "—")
            fields = (e.detail or "").replace(",", ", ")
            self.tree.addTopLevelItem(
                QTreeWidgetItem([fmt_datetime(e.at), who, enum_label("action", e.action), fields])
            )
        lay.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 360)
