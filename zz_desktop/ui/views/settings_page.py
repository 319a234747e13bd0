"""Settings: language, backups (keep days, back up now, restore from a file), the data
protection settings (retention period, ESF retention end, backup policy after an erasure —
changed only by the centre manager), sync interval. Role-gated (ui.role_gate)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import roles
from zz_desktop.errors import UserError
from zz_desktop.services import permissions, privacy_settings, profiles
from zz_desktop.store.database import Store
from zz_desktop.ui import ops, role_gate, settings
from zz_desktop.ui.sync_ui import INTERVAL_KEY, interval_minutes
from zz_desktop.ui.widgets import heading


class SettingsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("page_settings")
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Settings"), self))

        general = QGroupBox(self.tr("Display"), self)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        self.language.setObjectName("languageCombo")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(
            max(self.language.findData(settings.get(settings.LANGUAGE)), 0)
        )
        self.language.setAccessibleName(self.tr("Language"))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("&Language:"), self.language)
        self.language_note = QLabel(self.tr("The new language applies after a restart."), general)
        self.language_note.setProperty("role", "muted")
        self.language_note.hide()
        form.addRow("", self.language_note)
        lay.addWidget(general)

        backups = QGroupBox(self.tr("Backups"), self)
        bform = QFormLayout(backups)
        self.keep_days = QSpinBox(backups)
        self.keep_days.setObjectName("keepDays")
        self.keep_days.setRange(1, 365)
        self.keep_days.setSuffix(self.tr(" days"))
        self.keep_days.setAccessibleName(self.tr("Keep automatic backups for"))
        self.keep_days.setValue(profiles.backup_keep_days(store))
        self.keep_days.editingFinished.connect(self._keep_days_changed)
        bform.addRow(self.tr("&Keep automatic backups for:"), self.keep_days)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Back up now"), backups)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("&Restore from file …"), backups)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.restore_from_file)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        bform.addRow("", row)
        self.backup_label = QLabel(
            self.tr("Backups are kept in %1").replace("%1", str(store.backup_dir)), backups
        )
        self.backup_label.setProperty("role", "muted")
        self.backup_label.setWordWrap(True)
        bform.addRow("", self.backup_label)
        lay.addWidget(backups)
        lay.addWidget(self._build_privacy())

        sync = QGroupBox(self.tr("Synchronisation"), self)
        sform = QFormLayout(sync)
        self.interval = QSpinBox(sync)
        self.interval.setObjectName("syncInterval")
        self.interval.setRange(5, 240)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setValue(interval_minutes(store))
        self.interval.setAccessibleName(self.tr("Sync interval"))
        self.interval.editingFinished.connect(self._interval_changed)
        sform.addRow(self.tr("Synchronise every:"), self.interval)
        note = QLabel(self.tr("Applies when this device is logged in to a hub."), sync)
        note.setProperty("role", "muted")
        sform.addRow("", note)
        lay.addWidget(sync)
        lay.addStretch(1)
        role_gate.gate(self, store)

    def _build_privacy(self) -> QGroupBox:
        """Retention period, ESF retention end, backup policy: the centre manager's to change."""
        box = QGroupBox(self.tr("Data protection"), self)
        form = QFormLayout(box)
        current = privacy_settings.load(self.store)
        self.retention_months = QSpinBox(box)
        self.retention_months.setObjectName("retentionMonths")
        self.retention_months.setRange(*privacy_settings.MONTHS_RANGE)
        self.retention_months.setSuffix(self.tr(" months"))
        self.retention_months.setValue(current.retention_months)
        form.addRow(self.tr("Review persons after their last contact:"), self.retention_months)
        self.esf_end = QDateEdit(box)
        self.esf_end.setObjectName("esfRetentionEnd")
        self.esf_end.setCalendarPopup(True)
        self.esf_end.setDisplayFormat("dd.MM.yyyy")
        end = current.esf_retention_end
        self.esf_end.setDate(QDate(end.year, end.month, end.day))
        form.addRow(self.tr("Not before the end of the ESF retention period:"), self.esf_end)
        self.backup_policy = QComboBox(box)
        self.backup_policy.setObjectName("backupPolicy")
        self.backup_policy.addItem(self.tr("Mark older backups (erase again on restore)"), "mark")
        self.backup_policy.addItem(self.tr("Replace older backups by a new one"), "replace")
        self.backup_policy.setCurrentIndex(self.backup_policy.findData(current.backup_policy))
        form.addRow(self.tr("After an erasure:"), self.backup_policy)
        self.privacy_save = QPushButton(self.tr("Save data protection settings"), box)
        self.privacy_save.setObjectName("privacySave")
        self.privacy_save.clicked.connect(self.save_privacy)
        form.addRow("", self.privacy_save)
        self.privacy_note = QLabel(box)
        self.privacy_note.setObjectName("privacyNote")
        self.privacy_note.setWordWrap(True)
        form.addRow("", self.privacy_note)
        if not permissions.allowed(self.store, roles.PRIVACY_SETTINGS):
            for w in (self.retention_months, self.esf_end, self.backup_policy, self.privacy_save):
                w.setEnabled(False)
            self.privacy_note.setProperty("role", "muted")
            self.privacy_note.setText(self.tr("Only the centre manager may change these settings."))
        return box

    def save_privacy(self) -> None:
        chosen = privacy_settings.PrivacySettings(
            self.retention_months.value(),
            self.esf_end.date().toPython(),  # type: ignore[arg-type]
            self.backup_policy.currentData(),
        )

        def done(_: object) -> None:
            self.privacy_note.setProperty("role", "muted")
            self.privacy_note.setText(self.tr("Saved."))

        def failed(error: BaseException) -> None:
            if not isinstance(error, UserError):
                ops.show_error(self, error)
                return
            self.privacy_note.setProperty("role", "error")
            self.privacy_note.setText(error.message)

        ops.Op(lambda: privacy_settings.save(self.store, chosen), self, write=True).success(
            done
        ).failure(failed).run()

    def _language_changed(self) -> None:
        settings.put(settings.LANGUAGE, self.language.currentData())
        self.language_note.show()

    def _interval_changed(self) -> None:
        minutes = self.interval.value()
        controller = getattr(self.window(), "sync_controller", None)

        def done(_: object) -> None:
            if controller is not None:
                controller.set_interval(minutes)  # the running scheduler follows at once

        ops.Op(lambda: self.store.set_setting(INTERVAL_KEY, minutes), self, write=True).success(
            done
        ).run()

    def _keep_days_changed(self) -> None:
        days = self.keep_days.value()
        store = self.store
        ops.Op(lambda: profiles.set_backup_keep_days(store, days), self, write=True).run()

    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)

        def done(path: Path) -> None:
            self.backup_button.setEnabled(True)
            self.backup_label.setText(self.tr("Backup written: %1").replace("%1", str(path)))

        def failed(error: BaseException) -> None:
            self.backup_button.setEnabled(True)
            ops.show_error(self, error)

        def work() -> Path:
            permissions.require(self.store, roles.BACKUP_PROFILE)
            return self.store.backup("manual")

        ops.Op(work, self, write=True, label=self.tr("Backing up …")).success(done).failure(
            failed
        ).run()

    def restore_from_file(self, path: Path | None = None) -> None:
        try:
            permissions.require(self.store, roles.RESTORE_BACKUP)
        except UserError as exc:
            ops.show_error(self, exc)
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Restore backup"),
                str(self.store.backup_dir),
                self.tr("Backups (*.zzbak *.db);;All files (*)"),
            )
            if not name:
                return
            path = Path(name)
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace all data on this device by the backup? A copy of the current data is kept. The app closes afterwards."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        source = path

        def done(_: object) -> None:
            QMessageBox.information(
                self,
                self.tr("Restore backup"),
                self.tr("The backup was restored. Please start the app again."),
            )
            self.window().close()

        ops.Op(
            lambda: self.store.restore(source), self, write=True, label=self.tr("Restoring …")
        ).success(done).run()
