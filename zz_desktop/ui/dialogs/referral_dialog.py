"""A consultation's referrals to the partner network: refer to an offer with a reason (a
follow-up is created with it), and record what became of a referral (taken up / not taken up /
unknown, date, note). Messages appear next to the fields; every save is one operation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import partners, referrals
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.labels import enum_label
from zz_desktop.ui.widgets import DateLine, FormPanel, combo, line, text_box

_CHANGES = ChangeSet.of("referral", "followup")


class ReferralDialog(QDialog):
    changed = Signal()

    def __init__(self, store: Store, consultation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.consultation_id = consultation_id
        self.setObjectName("referralDialog")
        self.setWindowTitle(self.tr("Referrals to partners"))
        self.lines: list[referrals.ReferralLine] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("referralTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Partner offer"),
                self.tr("Partner type"),
                self.tr("Reason"),
                self.tr("Follow-up"),
                self.tr("Outcome"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        new_box = QGroupBox(self.tr("New referral"), self)
        new_layout = QVBoxLayout(new_box)
        self.offer_search = QLineEdit(new_box)
        self.offer_search.setObjectName("offerSearch")
        self.offer_search.setPlaceholderText(self.tr("Search the partner directory …"))
        self.offer_search.setClearButtonEnabled(True)
        new_layout.addWidget(self.offer_search)
        self.new_form = FormPanel(new_box)
        self.offer_choice = QComboBox(new_box)
        self.new_form.add("partner_offer_id", self.tr("Partner &offer"), self.offer_choice)
        reason = text_box(50)
        reason.setMaximumHeight(110)
        self.new_form.add("reason", self.tr("&Reason"), reason)
        due = dt.date.today() + dt.timedelta(days=referrals.FOLLOWUP_DAYS)
        self.new_form.add("followup_due", self.tr("Ask again on"), DateLine(due))
        new_layout.addWidget(self.new_form)
        self.refer_button = QPushButton(self.tr("Re&fer"), new_box)
        self.refer_button.setObjectName("referButton")
        new_layout.addWidget(self.refer_button)
        row.addWidget(new_box, 1)

        outcome_box = QGroupBox(self.tr("Outcome of the selected referral"), self)
        outcome_layout = QVBoxLayout(outcome_box)
        self.outcome_form = FormPanel(outcome_box)
        self.outcome_form.add("outcome", self.tr("O&utcome"), combo("referral_outcome"))
        self.outcome_form.add("outcome_date", self.tr("Date"), DateLine())
        self.outcome_form.add("outcome_note", self.tr("Note"), line())
        outcome_layout.addWidget(self.outcome_form)
        self.outcome_button = QPushButton(self.tr("Record &outcome"), outcome_box)
        self.outcome_button.setObjectName("outcomeButton")
        outcome_layout.addWidget(self.outcome_button)
        outcome_layout.addStretch(1)
        row.addWidget(outcome_box, 1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("referralMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.offer_search.textChanged.connect(self._fill_offers)
        self.table.itemSelectionChanged.connect(self._selected)
        self.refer_button.clicked.connect(self.refer)
        self.outcome_button.clicked.connect(self.record_outcome)
        self._fill_offers()
        self.refresh()
        self.resize(980, 600)

    def _fill_offers(self, *_: Any) -> None:
        current = self.offer_choice.currentData()
        self.offer_choice.clear()
        self.offer_choice.addItem(self.tr("— choose an offer —"), None)
        for offer in partners.list_offers(self.store, self.offer_search.text()):
            kind = enum_label("partner_type", offer.partner_type)
            self.offer_choice.addItem(f"{offer.name} ({kind})", offer.id)
        found = self.offer_choice.findData(current) if current else -1
        # One hit of a search is the offer meant; otherwise keep the earlier choice.
        if found > 0:
            self.offer_choice.setCurrentIndex(found)
        elif self.offer_choice.count() == 2:
            self.offer_choice.setCurrentIndex(1)

    def refresh(self) -> None:
        self.lines = referrals.referrals_of(self.store, self.consultation_id)
        self.table.setRowCount(len(self.lines))
        for i, item in enumerate(self.lines):
            r = item.referral
            outcome = enum_label("referral_outcome", r.outcome)
            if r.outcome_date:
                outcome += " · " + r.outcome_date.strftime("%d.%m.%Y")
            cells = (
                item.offer.name,
                enum_label("partner_type", item.offer.partner_type),
                (r.reason or "").replace("\n", " "),
                item.followup_due.strftime("%d.%m.%Y") if item.followup_due else "",
                outcome,
            )
            for j, value in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.outcome_button.setEnabled(bool(self.lines))

    def _current(self) -> referrals.ReferralLine | None:
        i = self.table.currentRow()
        return self.lines[i] if 0 <= i < len(self.lines) else None

    def _selected(self) -> None:
        item = self._current()
        if item is not None:
            r = item.referral
            self.outcome_form.set_values(
                {
                    "outcome": r.outcome,
                    "outcome_date": r.outcome_date,
                    "outcome_note": r.outcome_note or "",
                }
            )

    def refer(self) -> None:
        v = self.new_form.values()

        def work() -> Any:
            return referrals.refer(
                self.store,
                self.consultation_id,
                v.get("partner_offer_id") or "",
                v.get("reason"),
                v.get("followup_due"),
            )

        self._run(work, self.new_form, self._referred)

    def _referred(self, _result: Any) -> None:
        self.offer_search.clear()  # refills the offers
        self.new_form.set_values({"reason": "", "partner_offer_id": None})
        self.message.setText(self.tr("Referred; a follow-up was added."))
        self._done()

    def record_outcome(self) -> None:
        item = self._current()
        if item is None:
            self.message.setText(self.tr("Select a referral first."))
            return
        v = self.outcome_form.values()
        referral_id = item.referral.id

        def work() -> Any:
            return referrals.record_outcome(
                self.store, referral_id, v["outcome"], v.get("outcome_date"), v.get("outcome_note")
            )

        self._run(work, self.outcome_form, lambda _r: self._recorded())

    def _recorded(self) -> None:
        self.message.setText(self.tr("Outcome recorded."))
        self._done()

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()

    def _run(self, work: Any, form: FormPanel, done: Any) -> None:
        form.clear_errors()
        self.message.clear()

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationFailed):
                self.message.setText("\n".join(form.show_errors(error.errors)))
            else:
                ops.show_error(self, error)

        ops.run_write(work, self, _CHANGES).success(done).failure(failed).run()
