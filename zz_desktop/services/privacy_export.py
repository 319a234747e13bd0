"""Writing the Art. 15 access report to files (PDF for the person, JSON for machines, both
owner-only) and the erasure entry point used by the GUI (role checked here too)."""

from __future__ import annotations

import json
from pathlib import Path

from zz_desktop.domain import roles
from zz_desktop.files import write_private
from zz_desktop.services import permissions, privacy
from zz_desktop.services.erasure import ErasureReport
from zz_desktop.store.database import Store


def write_access(store: Store, person_id: str, pdf_path: Path) -> tuple[Path, Path]:
    from zz_desktop.reports.access import render_access

    permissions.require(store, roles.PRIVACY_ACCESS)
    report = privacy.access_report(store, person_id)
    write_private(pdf_path, render_access(store, report))
    json_path = pdf_path.with_suffix(".json")
    text = json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True, default=str)
    write_private(json_path, (text + "\n").encode("utf-8"))
    return pdf_path, json_path


def erase(store: Store, person_id: str) -> ErasureReport:
    permissions.require(store, roles.ERASE_PERSON)
    return privacy.erase_person(store, person_id)
