"""One consistent look: Fusion with a calm palette and a small style sheet (headings, cards,
navigation, error and warning texts)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from zz_desktop.paths import resource_path

ACCENT = "#1f6fb2"

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #f5f7fa; }}
QListWidget#nav {{ background: #17324d; color: #dce6f0; border: none; padding-top: 10px; font-size: 10.5pt; }}
QListWidget#nav::item {{ padding: 6px 12px; border-left: 3px solid transparent; }}
QListWidget#nav::item:selected {{ background: #24486b; color: white; border-left: 3px solid #8fd3ff; }}
QListWidget#nav::item:hover {{ background: #1f3f5f; }}
QStackedWidget#pages > QWidget {{ background: #f5f7fa; }}
QLabel[role="h1"] {{ font-size: 16pt; font-weight: 600; color: #17324d; padding: 4px 0; }}
QLabel[role="h2"] {{ font-size: 11.5pt; font-weight: 600; color: #17324d; }}
QLabel[role="muted"] {{ color: #5f6b7a; }}
QLabel[role="error"] {{ color: #b3261e; font-size: 9pt; }}
QLabel[role="warning"] {{ color: #8a5300; background: #fff4e0; border: 1px solid #f0c36d; border-radius: 4px; padding: 4px 8px; }}
QFrame[role="card"] {{ background: white; border: 1px solid #dfe4ea; border-radius: 8px; }}
QFrame[role="banner"] {{ background: #e8f2fb; border: 1px solid #a8cbe8; border-radius: 6px; }}
QPushButton {{ padding: 5px 12px; border-radius: 4px; border: 1px solid #c4ccd6; background: white; }}
QPushButton:hover {{ background: #eef3f8; }}
QPushButton:focus {{ border: 1px solid {ACCENT}; }}
QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border: 1px solid #185d96; }}
QPushButton[role="primary"]:hover {{ background: #185d96; }}
QPushButton:disabled {{ color: #9aa4b0; background: #f0f2f5; }}
QTableView, QTreeWidget, QListWidget {{ background: white; border: 1px solid #dfe4ea; border-radius: 4px;
    selection-background-color: #cfe3f6; selection-color: #10253a; alternate-background-color: #f7f9fb; }}
QHeaderView::section {{ background: #eef2f6; color: #33475b; padding: 4px 6px; border: none;
    border-right: 1px solid #dfe4ea; border-bottom: 1px solid #dfe4ea; font-weight: 600; }}
QListWidget#chips {{ border: none; background: transparent; }}
QListWidget#chips::item {{ background: #dcebf8; color: #17324d; border-radius: 10px; padding: 2px 8px; }}
QListWidget#chips::item:selected {{ background: {ACCENT}; color: white; }}
QLineEdit, QPlainTextEdit {{ padding: 3px 5px; border: 1px solid #c4ccd6; border-radius: 4px; background: white; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QGroupBox {{ background: white; border: 1px solid #dfe4ea; border-radius: 8px; margin-top: 14px; padding: 12px 8px 8px 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #17324d; font-weight: 600; }}
QProgressBar {{ border: 1px solid #c4ccd6; border-radius: 4px; background: white; text-align: center; height: 18px; }}
QProgressBar::chunk {{ background: #5aa469; border-radius: 3px; }}
QProgressBar[role="warning"]::chunk {{ background: #e08a00; }}
QDialog#searchPopup {{ background: white; border: 2px solid {ACCENT}; border-radius: 8px; }}
QDialog#searchPopup QLineEdit {{ font-size: 13pt; padding: 6px; }}
QToolBar {{ background: white; border-bottom: 1px solid #dfe4ea; spacing: 6px; padding: 3px; }}
QStatusBar {{ background: white; border-top: 1px solid #dfe4ea; }}
QStatusBar QLabel {{ padding: 0 8px; color: #33475b; }}
QStatusBar QLabel[role="warning"] {{ color: #b3261e; font-weight: 600; background: transparent; border: none; }}
QTabWidget::pane {{ border: 1px solid #dfe4ea; background: white; border-radius: 4px; }}
QTabBar::tab {{ padding: 6px 14px; }}
"""


def load_fonts() -> None:
    """Fonts shipped in resources/fonts (e.g. DejaVu) make offscreen rendering independent of
    the system; the system's fonts are used where none are shipped."""
    folder = resource_path("fonts")
    families: list[str] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    if "DejaVu Sans" in families or "DejaVu Sans" in QFontDatabase.families():
        QApplication.setFont(QFont("DejaVu Sans", 9))


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.Window, QColor("#f5f7fa"))
    app.setPalette(palette)
    load_fonts()
    app.setStyleSheet(STYLE_SHEET)
