"""No user-visible GUI string is untranslated: lupdate over the current code, into a copy of
the committed catalogue, must find no new and no unfinished message; the .qm is up to date."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from zz_desktop.ui import i18n_build


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")  # type: ignore[misc]
        for ctx in root.findall("context")
        for m in ctx.findall("message")
    }


def test_catalogue_matches_code(tmp_path: Path) -> None:
    committed = _messages(i18n_build.TS)
    copy = tmp_path / "zz_desktop_de.ts"
    shutil.copy(i18n_build.TS, copy)
    i18n_build.update(copy)
    fresh = _messages(copy)
    assert sorted(set(fresh) - set(committed)) == [], "new strings: run make translations"
    assert sorted(set(committed) - set(fresh)) == [], "stale strings: run make translations"
    unfinished = [
        k
        for k, tr in fresh.items()
        if tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not ((tr.text or "").strip() or all((f.text or "").strip() for f in tr) and len(tr))
    ]
    assert unfinished == []


def test_qm_is_compiled_from_ts() -> None:
    qm = i18n_build.TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= i18n_build.TS.stat().st_mtime - 5
