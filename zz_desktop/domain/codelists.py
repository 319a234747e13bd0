"""Shipped code lists: Länder, Kreise, WZ 2025/2008, ISCED 2011, topics and postcode plausibility.

This module owns read access to the CSV files in ``resources/codelists/`` (and their versions in
``VERSIONS.json``). Every file is read once with the ``csv`` module and cached as a tuple of
frozen dataclasses; the public functions return fresh lists, so callers cannot alter the cache.
Pure Python: no SQLAlchemy, no Qt.

AGS keys are handled as strings of digits: 2 digits = Land, 5 = Kreis, 8 = Gemeinde.
WZ codes use the Destatis notation (``"J"``, ``"62"``, ``"62.0"``, ``"62.01"``, ``"62.01.0"``).
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Literal

from zz_desktop.paths import resource_path

WzVersion = Literal["WZ2025", "WZ2008"]
WzLevel = Literal["section", "division", "group", "class", "subclass"]
TopicGroup = Literal["zukunftszentrum", "selfemployed"]
EsfIscedGroup = Literal["isced_0_2", "isced_3_4", "isced_5_8"]

_WZ_FILES: dict[str, str] = {"WZ2025": "wz2025.csv", "WZ2008": "wz2008.csv"}
_DIGITS = re.compile(r"[0-9]+")
_POSTCODE = re.compile(r"[0-9]{5}")


@dataclass(frozen=True, slots=True)
class Land:
    ags: str
    iso: str
    name_de: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Kreis:
    ags5: str
    name: str
    kind: str

    @property
    def land_ags(self) -> str:
        return self.ags5[:2]


@dataclass(frozen=True, slots=True)
class WzCode:
    version: str
    code: str
    level: str
    section: str
    title_de: str
    title_en: str


@dataclass(frozen=True, slots=True)
class IscedLevel:
    level: int
    label_de: str
    label_en: str
    examples_de: str
    esf_group: str
    esf_group_de: str
    esf_group_en: str


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    group: str
    label_de: str
    label_en: str


def _rows(name: str) -> list[dict[str, str]]:
    with resource_path("codelists", name).open(newline="", encoding="utf-8") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


# --- Länder and Kreise ---------------------------------------------------------------------


@cache
def _laender() -> tuple[Land, ...]:
    return tuple(Land(r["ags"], r["iso"], r["name_de"], r["name_en"]) for r in _rows("laender.csv"))


@cache
def _laender_by_ags() -> dict[str, Land]:
    return {land.ags: land for land in _laender()}


def laender() -> list[Land]:
    """The 16 Länder ordered by AGS."""
    return list(_laender())


def land(ags2: str) -> Land | None:
    """The Land with this two-digit key (``"14"`` → Sachsen), or ``None``."""
    return _laender_by_ags().get(ags2.strip())


@cache
def _kreise() -> tuple[Kreis, ...]:
    return tuple(Kreis(r["ags5"], r["name"], r["kind"]) for r in _rows("kreise.csv"))


@cache
def _kreise_by_ags() -> dict[str, Kreis]:
    return {k.ags5: k for k in _kreise()}


def kreise(land_ags: str | None = None) -> list[Kreis]:
    """All Kreise in the list (at least Länder 11–16), optionally only those of one Land."""
    if land_ags is None:
        return list(_kreise())
    return [k for k in _kreise() if k.land_ags == land_ags.strip()]


def kreis(ags5: str) -> Kreis | None:
    """The Kreis with this five-digit key (``"14612"`` → Dresden), or ``None``."""
    return _kreise_by_ags().get(ags5.strip())


def _normalise_ags(ags: str) -> str | None:
    ags = ags.strip()
    if len(ags) in (2, 5, 8) and _DIGITS.fullmatch(ags):
        return ags
    return None


def land_for_ags(ags: str) -> Land | None:
    """The Land of a 2-, 5- or 8-digit AGS, or ``None`` if malformed or unknown."""
    norm = _normalise_ags(ags)
    return None if norm is None else land(norm[:2])


def kreis_for_ags(ags: str) -> Kreis | None:
    """The Kreis of a 5- or 8-digit AGS, or ``None`` if malformed or not in the list."""
    norm = _normalise_ags(ags)
    if norm is None or len(norm) < 5:
        return None
    return kreis(norm[:5])


# --- WZ ------------------------------------------------------------------------------------


@cache
def _wz(version: str) -> tuple[WzCode, ...]:
    try:
        name = _WZ_FILES[version]
    except KeyError:
        raise ValueError(f"unknown WZ version {version!r}") from None
    return tuple(
        WzCode(version, r["code"], r["level"], r["section"], r["title_de"], r["title_en"])
        for r in _rows(name)
    )


@cache
def _wz_by_code(version: str) -> dict[str, WzCode]:
    return {c.code: c for c in _wz(version)}


def wz_codes(version: WzVersion, level: WzLevel | None = None) -> list[WzCode]:
    """All codes of a WZ version in classification order, optionally of one level only."""
    codes = _wz(version)
    return [c for c in codes if level is None or c.level == level]


def wz_code(version: WzVersion, code: str) -> WzCode | None:
    """One WZ code (section letter, division, group, class or subclass), or ``None``."""
    return _wz_by_code(version).get(code.strip().upper())


def wz_section(version: WzVersion, code: str) -> str | None:
    """Section letter for any WZ code: ``wz_section("WZ2008", "62.01")`` → ``"J"``.

    Codes below division level need not be in the list themselves; their division must be.
    """
    code = code.strip().upper()
    found = _wz_by_code(version).get(code)
    if found is not None:
        return found.section
    division = _wz_by_code(version).get(code[:2])
    if division is None or division.level != "division":
        return None
    return division.section


WZ2008_SUFFIX = "8"


def report_section(code: str | None, version: str | None) -> str:
    """The section key every sector figure (activity, self-employed, hub) is reported under.

    Rule: a WZ 2025 code counts under its WZ 2025 section (``"K"``); a WZ 2008 code under its
    own WZ 2008 section, keyed with the suffix ``8`` (``"Q8"``) and shown with the WZ 2008 title.
    The 2008→2025 correspondence is many-to-many (18 divisions span several 2025 sections), so
    it cannot place a firm in one section; the two versions' sections are kept apart instead of
    giving a 2008 letter a 2025 title. ``""`` when the code is missing or unknown.
    """
    if not code or not code.strip():
        return ""
    if version == "WZ2008":
        letter = wz_section("WZ2008", code)
        return f"{letter}{WZ2008_SUFFIX}" if letter else ""
    return wz_section("WZ2025", code) or ""


def section_title(key: str, lang: str = "de") -> str | None:
    """``"Q – Gesundheits- und Sozialwesen (WZ 2008)"`` for a :func:`report_section` key."""
    if not key:
        return None
    old = key.endswith(WZ2008_SUFFIX)
    letter = key[:-1] if old else key
    found = wz_code("WZ2008" if old else "WZ2025", letter)
    if found is None:
        return None
    title = found.title_de if lang == "de" else (found.title_en or found.title_de)
    return f"{letter} – {title} (WZ 2008)" if old else f"{letter} – {title}"


def wz_label(code: str | None, version: str | None = None, lang: str = "de") -> str | None:
    """The title of a WZ code as the organisation page shows it next to the code ("43.32" →
    "Bautischlerei und Bauschlosserei"). A code deeper than the list (a national subclass such
    as "43.32.1") gets the title of the nearest listed parent; ``None`` when nothing matches."""
    if not code or not code.strip():
        return None
    ver = version if version in ("WZ2025", "WZ2008") else "WZ2025"
    text = code.strip().upper()
    while text:
        found = _wz_by_code(ver).get(text)
        if found is not None:
            return found.title_de if lang == "de" else (found.title_en or found.title_de)
        # Step up one level: "43.32.1" → "43.32" → "43.3" → "43".
        text = text[:-1].rstrip(".") if "." in text else ""
    return None


@cache
def _correspondence() -> dict[str, tuple[str, ...]]:
    pairs: dict[str, list[str]] = defaultdict(list)
    for r in _rows("wz_correspondence.csv"):
        pairs[r["wz2008_division"]].append(r["wz2025_division"])
    return {k: tuple(sorted(v)) for k, v in pairs.items()}


def wz2008_to_2025(code: str) -> list[str]:
    """WZ 2025 divisions corresponding to the division of a WZ 2008 code (empty if unknown).

    The mapping is at division level and many-to-many: ``"45.20"`` → ``["46", "47", "95"]``.
    """
    return list(_correspondence().get(code.strip()[:2], ()))


# --- ISCED ---------------------------------------------------------------------------------


@cache
def _isced() -> tuple[IscedLevel, ...]:
    return tuple(
        IscedLevel(
            int(r["level"]),
            r["label_de"],
            r["label_en"],
            r["examples_de"],
            r["esf_group"],
            r["esf_group_de"],
            r["esf_group_en"],
        )
        for r in _rows("isced.csv")
    )


def isced_levels() -> list[IscedLevel]:
    """ISCED 2011 levels 0–8."""
    return list(_isced())


def isced_group(level: int) -> str:
    """ESF group of an ISCED level: ``"isced_0_2"``, ``"isced_3_4"`` or ``"isced_5_8"``.

    Raises ``ValueError`` for a level outside 0–8.
    """
    for item in _isced():
        if item.level == level:
            return item.esf_group
    raise ValueError(f"ISCED level must be 0–8, got {level!r}")


# --- Topics --------------------------------------------------------------------------------


@cache
def _topics() -> tuple[Topic, ...]:
    return tuple(
        Topic(r["code"], r["group"], r["label_de"], r["label_en"]) for r in _rows("topics.csv")
    )


def topics(group: TopicGroup | None = None) -> list[Topic]:
    """The programme-wide topic taxonomy in display order, optionally of one group."""
    return [t for t in _topics() if group is None or t.group == group]


def topic(code: str) -> Topic | None:
    """A topic by its stable code, or ``None``."""
    return next((t for t in _topics() if t.code == code), None)


# --- Postcodes -----------------------------------------------------------------------------


@cache
def _postcode_ranges() -> tuple[tuple[int, int, str], ...]:
    return tuple((int(r["from"]), int(r["to"]), r["land_ags"]) for r in _rows("plz_laender.csv"))


def lands_for_postcode(postcode: str) -> frozenset[str]:
    """AGS keys of the Länder a German postcode can belong to (plausibility check only).

    Border regions may yield more than one Land. Malformed or unassigned postcodes give an
    empty set.
    """
    postcode = postcode.strip()
    if not _POSTCODE.fullmatch(postcode):
        return frozenset()
    value = int(postcode)
    return frozenset(ags for lo, hi, ags in _postcode_ranges() if lo <= value <= hi)


# --- Versions ------------------------------------------------------------------------------


@cache
def _versions() -> tuple[tuple[str, str], ...]:
    with resource_path("codelists", "VERSIONS.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return tuple((str(k), str(v)) for k, v in data.items())


def codelist_versions() -> dict[str, str]:
    """Version of each shipped list, e.g. ``{"topics": "2023.1", "kreise": "2025-01-01", ...}``."""
    return dict(_versions())
