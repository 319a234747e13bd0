"""Topics chosen by typing: a line with completion over the topic labels and the chosen topics
as chips below it (the same way the consultation form picks them). The value is the list of
topic codes, so the widget can sit in a :class:`~zz_desktop.ui.widgets.FormPanel`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from zz_desktop.services.listing import topic_label
from zz_desktop.ui.widgets import ChipList


class _TopicLine(QLineEdit):
    """Enter adds the typed topic; it must not reach the dialog and press its Save button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class TopicPicker(QWidget):
    changed = Signal()

    def __init__(self, codes: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._codes = {topic_label(c): c for c in sorted(codes)}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.input = _TopicLine(self)
        self.input.setObjectName("topicInput")
        self.input.setPlaceholderText(self.tr("Type a topic and press Enter"))
        completer = QCompleter(QStringListModel(sorted(self._codes), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        completer.activated[str].connect(self.add_label)
        self.input.returnPressed.connect(self._enter)
        self.chips = ChipList(self)
        self.chips.setAccessibleName(self.tr("Chosen topics"))
        self.chips.changed.connect(self.changed.emit)
        lay.addWidget(self.input)
        lay.addWidget(self.chips)

    def _enter(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        matches = [label for label in self._codes if text.casefold() in label.casefold()]
        exact = [label for label in matches if label.casefold() == text.casefold()]
        if exact or len(matches) == 1:
            self.add_label((exact or matches)[0])
        elif matches:
            self.input.completer().complete()

    def add_label(self, label: str) -> None:
        code = self._codes.get(label)
        if code:
            self.chips.add_chip(code, label)
            # Cleared after the completer has written its choice into the line.
            QTimer.singleShot(0, self.input.clear)

    def add_topic(self, code: str) -> None:
        self.chips.add_chip(code, topic_label(code))

    def value_(self) -> list[str]:
        return self.chips.codes()

    def set_value_(self, codes: Any) -> None:
        self.chips.clear()
        for code in codes or []:
            self.chips.add_chip(code, topic_label(code))
        self.changed.emit()
