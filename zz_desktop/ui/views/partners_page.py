"""The partner directory: offers of the programme and of the own centre, filtered by text
(the global search index), partner type and Land; a form beside the list. Managers edit their
centre's offers; programme-wide offers are shown read-only (the coordinating centre keeps
them on the hub)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import codelists
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import get_language
from zz_desktop.services import partners
from zz_desktop.services.listing import topic_label
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, enum_labels
from zz_desktop.ui.widgets import CheckList, FormPanel, combo, line, text_box


def _land_name(land: codelists.Land) -> str:
    return land.name_de if get_language() == "de" else land.name_en


class PartnersPage(QWidget):
    saved = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("partnersPage")
        self.offers: list[partners.OfferRecord] = []
        self.current: partners.OfferRecord | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Partner directory"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("partnerSearch")
        self.search.setPlaceholderText(self.tr("Search offers, providers, contacts …"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox(self)
        self.type_filter.addItem(self.tr("All partner types"), None)
        for code, label in enum_labels("partner_type").items():
            self.type_filter.addItem(label, code)
        self.land_filter = QComboBox(self)
        self.land_filter.addItem(self.tr("All Länder"), None)
        for land in codelists.laender():
            self.land_filter.addItem(_land_name(land), land.ags)
        self.new_button = QPushButton(self.tr("&New offer"), self)
        self.new_button.setObjectName("newOffer")
        self.new_button.setVisible(partners.may_edit(store))
        for widget, stretch in (
            (self.search, 2),
            (self.type_filter, 1),
            (self.land_filter, 1),
            (self.new_button, 0),
        ):
            filters.addWidget(widget, stretch)
        layout.addLayout(filters)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableWidget(0, 5, split)
        self.table.setObjectName("partnerTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Offer"),
                self.tr("Provider"),
                self.tr("Partner type"),
                self.tr("Region"),
                self.tr("Kept by"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        right = QWidget(split)
        side = QVBoxLayout(right)
        self.scope_label = QLabel(right)
        self.scope_label.setObjectName("offerScope")
        self.scope_label.setWordWrap(True)
        self.scope_label.setProperty("role", "muted")
        side.addWidget(self.scope_label)
        self.form = FormPanel(right)
        f = self.form
        f.add("name", self.tr("&Name of the offer"), line())
        f.add("provider", self.tr("Provider"), line(self.tr("institution")))
        f.add("partner_type", self.tr("Partner &type"), combo("partner_type"))
        f.add("offer", self.tr("What it covers"), text_box(60))
        f.add("contact_name", self.tr("Contact person"), line())
        f.add("email", self.tr("E-mail"), line())
        f.add("phone", self.tr("Phone"), line())
        f.add("website", self.tr("Website"), line())
        topics = [(t.code, topic_label(t.code)) for t in codelists.topics()]
        f.add("topics", self.tr("Topics"), CheckList(topics, right))
        laender = [(land.ags, _land_name(land)) for land in codelists.laender()]
        f.add("laender", self.tr("Länder (none: nationwide)"), CheckList(laender, right))
        f.add("kreise", self.tr("Kreise"), line(self.tr("5-digit keys, separated by commas")))
        f.add("region_note", self.tr("Region note"), line())
        f.add("active", self.tr("Active"), QCheckBox(self.tr("offered at present"), right))
        side.addWidget(self.form, 1)
        buttons = QHBoxLayout()
        self.message = QLabel(right)
        self.message.setObjectName("offerMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save offer"), right)
        self.save_button.setObjectName("saveOffer")
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        side.addLayout(buttons)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 480])
        layout.addWidget(split, 1)

        self.search.textChanged.connect(self.refresh)
        self.type_filter.currentIndexChanged.connect(self.refresh)
        self.land_filter.currentIndexChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_offer)
        self.save_button.clicked.connect(self.save)
        bus().changes.connect(self._on_changes)
        self.refresh()
        self.show_offer(None)

    def _on_changes(self, change: ChangeSet) -> None:
        # Offers pulled by a sync or saved elsewhere; the form keeps what is being typed.
        if change.touches("partner_offer"):
            self.refresh()

    # -- list -----------------------------------------------------------------------------

    def refresh(self, *_: Any) -> None:
        self.offers = partners.list_offers(
            self.store,
            self.search.text(),
            partner_type=self.type_filter.currentData(),
            land=self.land_filter.currentData(),
            include_inactive=partners.may_edit(self.store),
        )
        self.table.setRowCount(len(self.offers))
        for row, offer in enumerate(self.offers):
            cells = (
                offer.name,
                offer.provider or "",
                enum_label("partner_type", offer.partner_type),
                self._region(offer),
                self.tr("programme")
                if partners.is_programme_wide(offer)
                else self.tr("this centre"),
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, offer.id)
                self.table.setItem(row, col, item)

    def _region(self, offer: partners.OfferRecord) -> str:
        if not offer.laender:
            return self.tr("nationwide")
        names = [land.iso[3:] if (land := codelists.land(a)) else a for a in offer.laender]
        kreise = [kreis.name if (kreis := codelists.kreis(k)) else k for k in offer.kreise]
        return ", ".join(names) + (": " + ", ".join(kreise) if kreise else "")

    def select_offer(self, offer_id: str) -> None:
        for row, offer in enumerate(self.offers):
            if offer.id == offer_id:
                self.table.selectRow(row)
                return
        self.show_offer(partners.get_offer(self.store, offer_id))

    def _selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.offers):
            self.show_offer(self.offers[row])

    # -- form -----------------------------------------------------------------------------

    def new_offer(self) -> None:
        self.table.clearSelection()
        self.show_offer(None)
        self.form.fields["name"].setFocus()

    def show_offer(self, offer: partners.OfferRecord | None) -> None:
        self.current = offer
        self.form.clear_errors()
        self.message.clear()
        values: dict[str, Any] = {
            k: getattr(offer, k) if offer else None for k in partners.OFFER_FIELDS
        }
        values["kreise"] = ", ".join(offer.kreise) if offer else ""
        if offer is None:
            values.update(partner_type="other", active=True, topics=[], laender=[])
        self.form.set_values(values)
        editable = partners.may_edit(self.store, offer)
        for widget in self.form.fields.values():
            widget.setEnabled(editable)
        self.save_button.setVisible(editable)
        if offer is not None and partners.is_programme_wide(offer):
            self.scope_label.setText(
                self.tr("Programme-wide offer, kept by the coordinating centre (read only).")
            )
        elif offer is not None:
            self.scope_label.setText(self.tr("Offer of this centre."))
        elif editable:
            self.scope_label.setText(self.tr("New offer of this centre."))
        else:
            self.scope_label.setText(self.tr("Only a manager can add the centre's offers."))

    def data(self) -> dict[str, Any]:
        values = self.form.values()
        kreise = str(values.get("kreise") or "")
        values["kreise"] = [k.strip() for k in kreise.replace(";", ",").split(",") if k.strip()]
        for key in ("provider", "offer", "contact_name", "email", "phone", "website"):
            values[key] = (values.get(key) or "").strip() or None
        return values

    def save(self) -> None:
        data = self.data()
        offer_id = self.current.id if self.current else None

        def work() -> partners.OfferRecord:
            if offer_id:
                return partners.update_offer(self.store, offer_id, data)
            return partners.create_offer(self.store, data)

        self.save_button.setEnabled(False)
        ops.run_write(work, self, ChangeSet.of("partner_offer", ids=[offer_id or ""])).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, offer: partners.OfferRecord) -> None:
        self.save_button.setEnabled(True)
        self.refresh()
        self.select_offer(offer.id)
        self.message.setText(self.tr("Saved."))
        self.saved.emit(offer.id)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            rest = self.form.show_errors(error.errors)
            self.message.setText("\n".join(rest))
        else:
            ops.show_error(self, error)
