"""Choosing a profile: at start when the user data folder holds several profiles, and from
"Switch profile …" in the File menu. A profile is a folder with a ``profile.json``; the chooser
shows the folder names (no personal data: the database stays closed until it is chosen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services.profiles import find_profiles

PATH_ROLE = Qt.ItemDataRole.UserRole


class ProfileChooser(QDialog):
    def __init__(
        self, profiles: list[Path], current: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileChooser")
        self.setWindowTitle(self.tr("Choose a profile"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Several profiles are stored on this computer:"), self))
        self.list = QListWidget(self)
        self.list.setObjectName("profileList")
        self.list.setAccessibleName(self.tr("Profiles"))
        for path in profiles:
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(PATH_ROLE, str(path))
            self.list.addItem(item)
            if current is not None and path == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and profiles:
            self.list.setCurrentRow(0)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _i: self.accept())
        lay.addWidget(buttons)
        self.resize(420, 300)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None


def choose_profile(
    root: Path, current: Path | None = None, parent: QWidget | None = None
) -> Path | None:
    """The profile to open: the only one without asking, else the user's choice (None:
    cancelled). Without any profile, ``current`` (it is created)."""
    profiles = find_profiles(root)
    if len(profiles) <= 1:
        return profiles[0] if profiles else current
    dialog = ProfileChooser(profiles, current, parent)
    return dialog.chosen() if dialog.exec() else None
