"""The main window: navigation on the left, pages on the right, sync figures in the status bar.
(Shell from the foundation; the desktop issue fills the pages.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from zz_desktop import APP_TITLE
from zz_desktop.store.database import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(APP_TITLE)
        self.resize(1200, 800)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.nav = QListWidget(central)
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setMaximumWidth(220)
        self.pages = QStackedWidget(central)
        for title in (
            self.tr("Start"),
            self.tr("Organisations"),
            self.tr("Persons"),
            self.tr("Consultations"),
            self.tr("Events"),
            self.tr("Reports"),
            self.tr("Settings"),
        ):
            self.nav.addItem(title)
            label = QLabel(title, self.pages)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pages.addWidget(label)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Sync: not connected"))
