"""How a person's consent state is shown in participant lists (event participants, the
participants of a consultation): a small icon, a short text and a tooltip naming every active
consent. The state itself comes from ``services.consents.active_purposes``.

The ESF monitoring consent decides the colour: without it the person's ESF answers may not be
recorded (services.persons), which is what an advisor filling a participant list must see."""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from zz_desktop.ui.icons import svg_icon
from zz_desktop.ui.labels import enum_labels

ESF = "esf_monitoring"
# level → (circle colour, inner mark as an SVG path or "").
_LOOK = {
    "esf": ("#2e7d32", "M7.5 12.5l3 3 6-6.5"),
    "other": ("#b26a00", "M12 7v6M12 16.5v.5"),
    "none": ("#8a8f98", ""),
}


def level(purposes: Collection[str]) -> str:
    """``esf`` (ESF monitoring consent given), ``other`` (some consent, not ESF) or ``none``."""
    if ESF in purposes:
        return "esf"
    return "other" if purposes else "none"


@cache
def icon(kind: str) -> QIcon:
    colour, mark = _LOOK[kind]
    fill = colour if mark else "none"
    inner = f'<path d="{mark}" stroke="#ffffff" stroke-width="2.2"/>' if mark else ""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
        'stroke-linecap="round" stroke-linejoin="round">'
        f'<circle cx="12" cy="12" r="9" fill="{fill}" stroke="{colour}" stroke-width="1.8"/>'
        f"{inner}</svg>"
    ).encode()
    return svg_icon(svg)


def text(purposes: Collection[str]) -> str:
    """The short cell text: which consents are active, ESF first."""
    labels = enum_labels("consent_purpose")
    if not purposes:
        return QCoreApplication.translate("Consent", "No consent")
    ordered = sorted(purposes, key=lambda p: (p != ESF, labels.get(p, p)))
    return ", ".join(labels.get(p, p) for p in ordered)


def tooltip(purposes: Collection[str]) -> str:
    if not purposes:
        head = QCoreApplication.translate("Consent", "No active consent.")
    else:
        head = QCoreApplication.translate("Consent", "Active consents: %1").replace(
            "%1", text(purposes)
        )
    if ESF in purposes:
        return head
    warning = QCoreApplication.translate(
        "Consent", "Without the ESF monitoring consent the ESF answers cannot be recorded."
    )
    return head + "\n" + warning
