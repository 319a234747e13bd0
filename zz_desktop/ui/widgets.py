"""Small widgets shared by the pages: a form with a message under each field, a record picker
with completion over the search index, topic chips, a page header."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services import finder
from zz_desktop.store.database import Store
from zz_desktop.ui.labels import enum_labels, pydate, qdate


class FormPanel(QWidget):
    """Labelled fields; :meth:`show_errors` puts each message under its field and focuses the
    first bad one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = QLabel(box)
        err.setObjectName(f"error_{key}")
        err.setProperty("role", "error")
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        widget.setObjectName(f"field_{key}")
        self.layout_.addRow(caption, box)
        self.fields[key] = widget
        self.errors[key] = err
        # A message goes as soon as the user edits the field it is about.
        if (sig := changed_signal(widget)) is not None:
            sig.connect(lambda *_a, e=err: (e.clear(), e.hide()))
        return widget

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show messages of known fields; return the messages that have no field here."""
        self.clear_errors()
        rest = []
        first: QWidget | None = None
        for key, widget in self.fields.items():
            if key in errors:
                self.errors[key].setText(errors[key])
                self.errors[key].show()
                self.errors[key].setAccessibleName(errors[key])
                first = first or widget
        for key, message in errors.items():
            if key not in self.fields:
                rest.append(message)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return rest

    def values(self) -> dict[str, Any]:
        return {k: get_value(w) for k, w in self.fields.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for key, widget in self.fields.items():
            if key in values:
                set_value(widget, values[key])


# -- field widgets ----------------------------------------------------------------------------


def line(placeholder: str = "") -> QLineEdit:
    w = QLineEdit()
    w.setPlaceholderText(placeholder)
    w.setClearButtonEnabled(True)
    return w


def int_line(low: int = 0, high: int = 10_000_000) -> QLineEdit:
    w = QLineEdit()
    w.setValidator(QIntValidator(low, high, w))
    w.setProperty("int_field", True)
    return w


def text_box(height: int = 70) -> QPlainTextEdit:
    w = QPlainTextEdit()
    w.setTabChangesFocus(True)
    w.setMinimumHeight(height)
    return w


def combo(kind: str, empty: bool = False) -> QComboBox:
    w = QComboBox()
    if empty:
        w.addItem("—", None)
    for code, label in enum_labels(kind).items():
        w.addItem(label, code)
    return w


def date_edit(value: dt.date | None = None) -> QDateEdit:
    w = QDateEdit()
    w.setCalendarPopup(True)
    w.setDisplayFormat("dd.MM.yyyy")
    w.setDate(qdate(value or dt.date.today()))
    return w


def spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    w = QSpinBox()
    w.setRange(low, high)
    w.setSuffix(suffix)
    return w


class StrictInt(QLineEdit):
    """A whole number typed as text: "4500" stays 4500 and "-5viele" stays text, so that
    validation rejects them instead of the widget truncating or dropping characters."""

    def __init__(self, low: int, high: int, suffix: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.low, self.high = low, high
        self.setPlaceholderText(suffix.strip())
        self.setMaximumWidth(120)

    def value_(self) -> int | str | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            return text

    def set_value_(self, value: Any) -> None:
        self.setText("" if value is None else str(value))

    def setValue(self, value: int) -> None:  # noqa: N802 - same name as QSpinBox
        self.set_value_(value)


class DateLine(QLineEdit):
    """A date typed as TT.MM.JJJJ and parsed strictly: "31.02.2026" is not a date (QDateEdit
    would roll or clamp it), so :meth:`value_` returns the text and validation says so."""

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("TT.MM.JJJJ")
        self.setMaximumWidth(140)
        self.set_value_(value)

    def value_(self) -> dt.date | str | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return dt.datetime.strptime(text, "%d.%m.%Y").date()
        except ValueError:
            return text

    def set_value_(self, value: Any) -> None:
        if isinstance(value, str) and value:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                self.setText(value)
                return
        self.setText(value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else "")


class CheckList(QListWidget):
    """Several choices out of a short list (advisors): checkable rows, the value the checked ids."""

    changed = Signal()

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(96)
        for value, label in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(lambda *_: self.changed.emit())

    def value_(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value_(self, values: Any) -> None:
        wanted = list(values or [])
        known = {self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())}
        for value in wanted:
            if value not in known:  # an advisor no longer in the user list stays visible
                item = QListWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.addItem(item)
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def get_value(w: QWidget) -> Any:
    if hasattr(w, "value_") and callable(w.value_):
        return w.value_()
    if isinstance(w, QLineEdit):
        text = w.text().strip()
        if w.property("int_field"):
            return int(text) if text else None
        return text or None
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText().strip() or None
    if isinstance(w, QComboBox):
        return w.currentData()
    if isinstance(w, QDateEdit):
        return pydate(w.date())
    if isinstance(w, QSpinBox):
        return w.value()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    raise TypeError(type(w))


def set_value(w: QWidget, value: Any) -> None:
    if hasattr(w, "set_value_") and callable(w.set_value_):
        w.set_value_(value)
    elif isinstance(w, QLineEdit):
        w.setText("" if value is None else str(value))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(value or "")
    elif isinstance(w, QComboBox):
        i = w.findData(value)
        w.setCurrentIndex(max(i, 0))
    elif isinstance(w, QDateEdit):
        if isinstance(value, str):
            value = dt.date.fromisoformat(value)
        if value is not None:
            w.setDate(qdate(value))
    elif isinstance(w, QSpinBox):
        w.setValue(int(value or 0))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))


def changed_signal(w: QWidget) -> Any:
    """The signal a form listens to for 'the user changed something'."""
    for name in (
        "changed",
        "textChanged",
        "currentIndexChanged",
        "dateChanged",
        "valueChanged",
        "toggled",
    ):
        if hasattr(w, name):
            return getattr(w, name)
    return None


class RecordPicker(QLineEdit):
    """Choose a record by typing: completion over the search index, the choice kept as an id."""

    changed = Signal()

    def __init__(self, store: Store, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.entity = entity
        self._id: str | None = None
        self._choices: dict[str, str] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        completer.activated[str].connect(self._chosen)
        self.textEdited.connect(self._typed)
        self.setClearButtonEnabled(True)

    def _typed(self, text: str) -> None:
        self._id = None
        self._choices = finder.titles(self.store, text, self.entity, limit=15)
        self._model.setStringList(list(self._choices))
        self.changed.emit()

    def _chosen(self, title: str) -> None:
        self._id = self._choices.get(title)
        self.changed.emit()

    def value_(self) -> str | None:
        return self._id

    def set_value_(self, record_id: str | None, title: str | None = None) -> None:
        self._id = record_id
        if title is None and record_id:
            title = record_title(self.store, self.entity, record_id)
        self.setText(title or "")


def record_title(store: Store, entity: str, record_id: str) -> str:
    return finder.title_of(store, record_id)


class ChipList(QListWidget):
    """Chosen values as chips; Delete/Backspace removes the current chip."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chips")
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(3)
        self.setMaximumHeight(70)
        self.setMinimumHeight(34)

    def add_chip(self, code: str, label: str) -> None:
        if code in self.codes():
            return
        item = QListWidgetItem(label + "  ×")
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setToolTip(label)
        self.addItem(item)
        self.changed.emit()

    def codes(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def value_(self) -> list[str]:
        return self.codes()

    def set_value_(self, _codes: Any) -> None:
        """Chips are filled by their owner (it knows the labels)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.takeItem(self.currentRow())
            self.changed.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        if item is not None:
            self.takeItem(self.row(item))
            self.changed.emit()


def heading(text: str, parent: QWidget | None = None, level: int = 1) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "h1" if level == 1 else "h2")
    label.setAccessibleName(text)
    return label
