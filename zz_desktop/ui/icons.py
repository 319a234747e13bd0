"""Icons: the app icon (resources/icons/app.svg) and small line icons drawn from inline SVG, so
that the navigation looks the same on every platform and in offscreen screenshots."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from zz_desktop.paths import resource_path

_PATHS = {
    "start": "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
    "organisation": "M4 21V5l8-2v18M12 8l8 2v11M7 8h2M7 12h2M7 16h2M15 13h2M15 17h2M2 21h20",
    "person": "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6",
    "consultation": "M4 5h16v11H9l-5 4zM8 9h8M8 12h5",
    "event": "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3M13 14h3",
    "calendar": "M4 5h16v15H4zM4 9h16M8 3v4M16 3v4M7 12h2M11 12h2M15 12h2M7 16h2M11 16h2",
    # Two linked rings: the partner network.
    "partners": "M9 15a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM15 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
    # An open book: the Wissenspool.
    "library": "M12 6c-2-1.5-5-2-8-2v14c3 0 6 .5 8 2 2-1.5 5-2 8-2V4c-3 0-6 .5-8 2zM12 6v14",
    "reports": "M5 20V11M10 20V6M15 20v-7M20 20V4M3 21h18",
    "settings": "M4 7h10M18 7h2M4 17h4M12 17h8M16 5v4M10 15v4",
    "sync": "M20 12a8 8 0 0 1-14 5M4 12a8 8 0 0 1 14-5M18 3v4h-4M6 21v-4h4",
    "new": "M12 5v14M5 12h14",
    "search": "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5L20 20",
}


def _svg(path: str, color: str) -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
        f'stroke="{color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
        f'<path d="{path}"/></svg>'
    ).encode()


def _pixmap(data: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(data))
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pix


def svg_icon(data: bytes, sizes: tuple[int, ...] = (16, 20, 24)) -> QIcon:
    """An icon from inline SVG (status marks such as the consent state)."""
    icon = QIcon()
    for size in sizes:
        icon.addPixmap(_pixmap(data, size))
    return icon


@cache
def nav_icon(name: str, color: str = "#9fb6cc") -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32):
        icon.addPixmap(_pixmap(_svg(_PATHS[name], color), size), QIcon.Mode.Normal)
        icon.addPixmap(_pixmap(_svg(_PATHS[name], "#ffffff"), size), QIcon.Mode.Selected)
    return icon


@cache
def app_icon() -> QIcon:
    data = resource_path("icons", "app.svg").read_bytes()
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_pixmap(data, size))
    return icon
