"""PDF reports built with ReportLab: the Beratungsprotokoll, the activity report, the ESF Plus
indicator report and the self-employed situation report.

Every figure comes from :mod:`zz_desktop.reports.queries`; this package only lays them
out (:mod:`.layout` for the shared page frame, :mod:`.charts`, :mod:`.labels`). Qt-free: the GUI
runs :func:`render` on a worker thread and previews the returned PDF bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.reports.layout import Progress, no_progress
from zz_desktop.reports.queries.period import Period
from zz_desktop.store.database import Store

KINDS = ("protocol", "activity", "esf", "selfemployed", "crosscentre")


def render(
    store: Store,
    kind: str,
    period: Period | None = None,
    consultation_id: str | None = None,
    lang: str = "de",
    progress: Progress = no_progress,
    operation_start: dt.date | None = None,
) -> bytes:
    """The PDF of one report. ``protocol`` needs ``consultation_id``; the others a ``period``.
    ``operation_start`` (ESF only) overrides the profile's setting ``esf.operation_start``.
    Refused (``NotAllowed``) when the profile's role may not make this kind (roles table)."""
    from zz_desktop.services.permissions import require_report

    require_report(store, kind)
    if kind == "protocol":
        if not consultation_id:
            raise ValidationFailed({"id": t("Which consultation? Give its id.")})
        from zz_desktop.reports.protocol import render_protocol

        return render_protocol(store, consultation_id, lang, progress)
    if period is None:
        raise ValidationFailed({"period": t("Please choose a period.")})
    if kind == "activity":
        from zz_desktop.reports.activity import render_activity

        return render_activity(store, period, lang, progress)
    if kind == "esf":
        from zz_desktop.reports.esf import render_esf

        return render_esf(store, period, lang, progress, operation_start)
    if kind == "selfemployed":
        from zz_desktop.reports.selfemployed import render_selfemployed

        return render_selfemployed(store, period, lang, progress)
    if kind == "crosscentre":
        from zz_desktop.reports.crosscentre import render_crosscentre

        return render_crosscentre(store, period, lang, progress)
    raise ValidationFailed({"kind": t("Unknown report '{kind}'.", kind=kind)})


def write(path: Path, pdf: bytes) -> Path:
    """Write a PDF atomically (a half-written file never replaces a good one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(pdf)
    tmp.replace(path)
    return path


__all__ = ["KINDS", "Period", "render", "write"]
