"""Code lists the hub reads from the shipped ``resources`` package: topics, WZ sections, Länder.

The hub may not import ``zz_desktop`` (except its domain), so it reads the CSV files itself;
sector sections come from the domain's one rule so desktop and hub figures agree.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from functools import cache
from importlib.resources import files
from typing import Any

from zz_desktop.domain import codelists as domain_codelists
from zz_desktop.domain.codelists import report_section
from zz_protocol.schemas import TopicInfo

UNKNOWN = "?"


def _read(name: str) -> str:
    return (files("resources") / "codelists" / name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    try:
        return list(csv.DictReader(io.StringIO(_read(name))))
    except FileNotFoundError:
        return []


@cache
def versions() -> dict[str, str]:
    try:
        data: dict[str, Any] = json.loads(_read("VERSIONS.json"))
    except FileNotFoundError:
        data = {}
    return {str(k): str(v) for k, v in data.items()}


@cache
def topics() -> tuple[TopicInfo, ...]:
    return tuple(
        TopicInfo(code=r["code"], group=r["group"], label_de=r["label_de"], label_en=r["label_en"])  # type: ignore[arg-type]
        for r in _rows("topics.csv")
        if r.get("code")
    )


def topic_version() -> str:
    """The list's declared version, or a content hash when none is declared."""
    declared = versions().get("topics")
    if declared:
        return declared
    try:
        return hashlib.sha256(_read("topics.csv").encode()).hexdigest()[:12]
    except FileNotFoundError:
        return "none"


def sector_section(code: Any, version: Any) -> str:
    """The section key of a sector code, by the desktop's one rule
    (:func:`zz_desktop.domain.codelists.report_section`: WZ 2008 sections carry the suffix 8)."""
    if not isinstance(code, str):
        return UNKNOWN
    return report_section(code, version if isinstance(version, str) else None) or UNKNOWN


@cache
def _laender() -> dict[str, str]:
    return {r["ags"]: r["iso"].removeprefix("DE-") for r in _rows("laender.csv") if r.get("ags")}


def land_of_ags(ags: Any) -> str | None:
    """Land code (e.g. "ST") from the first two digits of an AGS, or None."""
    if isinstance(ags, str) and len(ags) >= 2:
        return _laender().get(ags[:2])
    return None


def laender() -> frozenset[str]:
    """The Land codes ("ST", …) of the shipped list."""
    return frozenset(_laender().values())


@cache
def kreise() -> frozenset[str]:
    """The five-digit keys of the shipped Kreis list."""
    return frozenset(k.ags5 for k in domain_codelists.kreise())


def kreis_of_ags(ags: Any) -> str | None:
    """The Kreis key (first five digits of an AGS) when it is in the shipped list, or None."""
    found = domain_codelists.kreis_for_ags(ags) if isinstance(ags, str) else None
    return found.ags5 if found is not None else None


def land_of_postcode(postcode: Any) -> str | None:
    """The Land code of a German postcode when its range names exactly one Land, else None
    (border ranges name several: then the postcode decides nothing)."""
    if not isinstance(postcode, str):
        return None
    found = domain_codelists.lands_for_postcode(postcode)
    return _laender().get(next(iter(found))) if len(found) == 1 else None
