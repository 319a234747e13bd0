"""A list page for one entity: filters, the lazy SQL table, a column chooser in the header's
context menu, export of what is shown (CSV/XLSX), open / new / delete."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import codelists
from zz_desktop.services import identity, listing
from zz_desktop.services.tables import write_csv, write_xlsx
from zz_desktop.store.database import Store
from zz_desktop.ui import ops, settings
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_labels, fmt_number
from zz_desktop.ui.models.sql_list import ID_ROLE, SqlListModel
from zz_desktop.ui.widgets import heading

#: Entities whose lists refresh when one of these entities changes.
DEPENDS = {
    "organisation": ("organisation", "consultation"),
    "person": ("person", "affiliation", "organisation"),
    "consultation": ("consultation", "organisation", "person"),
    "event": ("event", "participation"),
}


class ListPage(QWidget):
    open_record = Signal(str, str)  # entity, id
    new_record = Signal(str)  # entity
    delete_record = Signal(str, str)

    def __init__(
        self, store: Store, entity: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.entity = entity
        self.setObjectName(f"page_{entity}")
        # The ids are queried when the page is first shown, so that start-up stays fast.
        self.model = SqlListModel(store, entity, self, load=False)
        self._loaded = False
        self.filter_widgets: dict[str, QWidget] = {}

        top = QHBoxLayout()
        top.addWidget(heading(title, self))
        top.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "muted")
        top.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("&New"), self)
        self.new_button.setObjectName("newButton")
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(lambda: self.new_record.emit(self.entity))
        top.addWidget(self.new_button)
        export = QToolButton(self)
        export.setText(self.tr("Export"))
        export.setObjectName("exportButton")
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(self.tr("As CSV (Excel, semicolon) …"), lambda: self.export("csv"))
        menu.addAction(self.tr("As XLSX …"), lambda: self.export("xlsx"))
        export.setMenu(menu)
        export.setAccessibleName(self.tr("Export what is shown"))
        top.addWidget(export)

        filters = QHBoxLayout()
        self._build_filters(filters)
        filters.addStretch(1)

        self.view = QTableView(self)
        self.view.setObjectName(f"table_{entity}")
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setMinimumWidth(400)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setSortIndicator(self._default_sort_column(), self._default_sort_order())
        self._apply_default_columns()
        self.restore_columns()
        # The layout is saved when the window closes and when a column is shown or hidden
        # (saving on every resize step would write the settings file hundreds of times).
        self.view.doubleClicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)
        delete = QAction(self.tr("Delete"), self.view)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.view.addAction(delete)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        self._update_count()
        self.model.completed.connect(self._update_count)
        bus().changes.connect(self._on_changes)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.model.reload()
            self._update_count()

    # -- filters ----------------------------------------------------------------------------

    def _build_filters(self, lay: QHBoxLayout) -> None:
        allowed = listing.spec(self.entity).filters
        if "text" in allowed:
            text = QLineEdit(self)
            text.setPlaceholderText(self.tr("Filter …"))
            text.setClearButtonEnabled(True)
            text.setAccessibleName(self.tr("Filter text"))
            text.setMinimumWidth(160)
            text.setMaximumWidth(240)
            text.textChanged.connect(self.apply_filters)
            self._add_filter(lay, "text", None, text)
        if "date_from" in allowed:
            for key, label in (("date_from", self.tr("From")), ("date_to", self.tr("To"))):
                edit = QDateEdit(self)
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("dd.MM.yyyy")
                edit.setMinimumDate(QDate(1999, 12, 31))
                edit.setSpecialValueText(self.tr("any"))
                edit.setDate(edit.minimumDate())
                edit.dateChanged.connect(self.apply_filters)
                self._add_filter(lay, key, label, edit)
        choices: list[tuple[str, str, str, dict[str, str]]] = []
        if "topic" in allowed:
            lang_de = is_german()
            topics = {
                tp.code: (tp.label_de if lang_de else tp.label_en) for tp in codelists.topics()
            }
            choices.append(("topic", self.tr("Topic"), self.tr("All topics"), topics))
        if "mode" in allowed:
            choices.append(("mode", self.tr("Mode"), self.tr("All modes"), enum_labels("mode")))
        if "type" in allowed:
            choices.append(("type", self.tr("Type"), self.tr("All types"), enum_labels("type")))
        if "advisor" in allowed:
            users = {u.id: u.display_name for u in identity.users(self.store)}
            choices.append(("advisor", self.tr("Advisor"), self.tr("All advisors"), users))
        if "kreis" in allowed:
            kreise = {k.ags5: k.name for k in sorted(codelists.kreise(), key=lambda k: k.name)}
            choices.append(("kreis", self.tr("Kreis"), self.tr("All Kreise"), kreise))
        if "sme_class" in allowed:
            choices.append(
                ("sme_class", self.tr("SME class"), self.tr("All sizes"), enum_labels("sme_class"))
            )
        for key, label, everything, values in choices:
            box = QComboBox(self)
            box.addItem(everything, None)
            for code, text_ in values.items():
                box.addItem(text_, code)
            box.setMaximumWidth(170)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)
            box.currentIndexChanged.connect(self.apply_filters)
            box.setAccessibleName(label)
            box.setToolTip(label)
            self._add_filter(lay, key, None, box)

    def _add_filter(self, lay: QHBoxLayout, key: str, label: str | None, widget: QWidget) -> None:
        widget.setObjectName(f"filter_{key}")
        if label:
            caption = QLabel(label + ":", self)
            caption.setBuddy(widget)
            lay.addWidget(caption)
            widget.setAccessibleName(label)
        lay.addWidget(widget)
        self.filter_widgets[key] = widget

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.filter_widgets.items():
            if isinstance(w, QLineEdit):
                out[key] = w.text().strip()
            elif isinstance(w, QDateEdit):
                if w.date() != w.minimumDate():
                    d = w.date()
                    out[key] = dt.date(d.year(), d.month(), d.day())
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
        return out

    def apply_filters(self) -> None:
        self._loaded = True
        self.model.set_filters(self.filters())
        self._update_count()

    def _update_count(self) -> None:
        if not self.model.is_complete():
            self.count_label.setText("…")  # the total follows when the id list has arrived
            return
        self.count_label.setText(
            self.tr("%1 records").replace("%1", fmt_number(self.model.total()))
        )

    # -- columns ------------------------------------------------------------------------------

    def _default_sort_column(self) -> int:
        key = listing.spec(self.entity).default_sort[0]
        return [c.key for c in self.model.columns].index(key)

    def _default_sort_order(self) -> Qt.SortOrder:
        desc = listing.spec(self.entity).default_sort[1]
        return Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder

    def _apply_default_columns(self) -> None:
        widths = {"date": 95, "start_date": 95, "due_date": 95, "duration_min": 70, "postcode": 80}
        for i, col in enumerate(self.model.columns):
            self.view.setColumnHidden(i, not col.visible)
            self.view.setColumnWidth(i, widths.get(col.key, 170))

    def _column_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        for i in range(len(self.model.columns)):
            act = menu.addAction(str(self.model.headerData(i, Qt.Orientation.Horizontal)))
            act.setCheckable(True)
            act.setChecked(not self.view.isColumnHidden(i))
            act.toggled.connect(lambda on, i=i: self._toggle_column(i, on))
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self._reset_columns)
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))
        self._menu = menu

    def _toggle_column(self, index: int, on: bool) -> None:
        self.view.setColumnHidden(index, not on)
        self.save_columns()

    def _reset_columns(self) -> None:
        settings.qsettings().remove(settings.columns_key(self.entity))
        self._apply_default_columns()

    def save_columns(self) -> None:
        state = self.view.horizontalHeader().saveState()
        settings.qsettings().setValue(settings.columns_key(self.entity), state)

    def restore_columns(self) -> None:
        state = settings.qsettings().value(settings.columns_key(self.entity))
        if isinstance(state, QByteArray | bytes) and state:
            self.view.horizontalHeader().restoreState(QByteArray(state))

    def visible_columns(self) -> list[int]:
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [i for i in logical if not self.view.isColumnHidden(i)]

    # -- actions ------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            self.open_record.emit(self.entity, record_id)

    def _delete_current(self) -> None:
        if record_id := self.current_id():
            self.delete_record.emit(self.entity, record_id)

    def select_id(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row < 0:
            return
        while row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))

    def export(self, kind: str, path: Path | None = None) -> Path | None:
        if path is None:
            suffix = "CSV (*.csv)" if kind == "csv" else "Excel (*.xlsx)"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export"), f"{self.entity}.{kind}", suffix
            )
            if not name:
                return None
            path = Path(name)
        header, rows = self.model.export_table(self.visible_columns())
        target = path

        def work() -> Path:
            if kind == "csv":
                write_csv(target, header, rows)
            else:
                write_xlsx(target, sheets={self.entity: (header, rows)})
            return target

        ops.run_read(work, self, label=self.tr("Exporting …")).success(
            lambda p: (
                self.window()
                .statusBar()
                .showMessage(self.tr("Exported to %1").replace("%1", str(p)), 8000)
            )
        ).run()
        return path

    def _on_changes(self, change: ChangeSet) -> None:
        if self._loaded and change.touches(*DEPENDS.get(self.entity, (self.entity,))):
            current = self.current_id()
            self.model.reload()
            self._update_count()
            if current:
                self.select_id(current)


def is_german() -> bool:  # noqa: N802
    from zz_desktop.i18n import get_language

    return get_language() == "de"
