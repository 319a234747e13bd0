"""Global search (Ctrl+K): a popup that shows results while typing; arrows move, Enter opens
the record, Esc closes. Uses the full-text index (prefix; ß/ss, umlauts and diacritics
folded) and shows one line of context per hit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services.finder import lookup
from zz_desktop.store.database import Store
from zz_desktop.ui import icons

LIMIT = 30
ENTITY_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPopup(QDialog):
    chosen = Signal(str, str)  # entity, id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("searchPopup")
        self.setWindowTitle(self.tr("Search"))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setProperty("role", "popup")
        lay = QVBoxLayout(self)
        self.input = QLineEdit(self)
        self.input.setObjectName("searchInput")
        self.input.setPlaceholderText(
            self.tr("Search organisations, persons, consultations, events …")
        )
        self.input.setAccessibleName(self.tr("Search"))
        self.input.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel(self.tr("↑↓ choose · Enter open · Esc close"), self)
        self.hint.setProperty("role", "muted")
        lay.addWidget(self.input)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.hint)
        self.input.textChanged.connect(self._typed)
        self.input.installEventFilter(self)
        self.results.itemActivated.connect(self._open)
        self.results.itemClicked.connect(self._open)
        self._labels = {
            "organisation": self.tr("Organisation"),
            "person": self.tr("Person"),
            "consultation": self.tr("Consultation"),
            "event": self.tr("Event"),
            "partner_offer": self.tr("Partner offer"),
            "knowledge_item": self.tr("Wissenspool"),
        }
        self.resize(640, 420)

    def popup_over(self, window: QWidget) -> None:
        geo = window.geometry()
        self.move(geo.x() + (geo.width() - self.width()) // 2, geo.y() + 90)
        self.show()
        self.raise_()
        self.activateWindow()
        self.input.setFocus()

    def _typed(self, text: str) -> None:
        hits = lookup(self.store, text, limit=LIMIT)
        self.results.clear()
        for hit in hits:
            snippet = hit.snippet.replace("\n", " ")
            title = hit.title or snippet
            kind = self._labels.get(hit.entity, hit.entity)
            # Context tells two "Anna Schulz" apart: her firm, a consultation's date and company.
            line = f"{title}   ·   {kind}" + (f"\n{hit.context}" if hit.context else "")
            item = QListWidgetItem(icons.nav_icon(hit.entity), line)
            if snippet and snippet != title:
                item.setToolTip(snippet)
            item.setData(ENTITY_ROLE, hit.entity)
            item.setData(ID_ROLE, hit.entity_id)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        elif text.strip():
            empty = QListWidgetItem(self.tr("Nothing found."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.input and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if item := self.results.currentItem():
                    self._open(item)
                return True
        return super().eventFilter(obj, event)

    def _open(self, item: QListWidgetItem) -> None:
        entity, record_id = item.data(ENTITY_ROLE), item.data(ID_ROLE)
        if not entity:
            return
        self.close()
        QTimer.singleShot(0, lambda: self.chosen.emit(entity, record_id))
