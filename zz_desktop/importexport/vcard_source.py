"""vCard files (3.0 and 4.0, also most 2.1) via vobject, one row per card with the columns an
Outlook export would have, so that the same column mapping applies. A card that cannot be
parsed becomes a row with a problem instead of failing the whole file."""

from __future__ import annotations

import re
from typing import Any

import vobject

from zz_desktop.i18n import t
from zz_desktop.importexport.csv_source import decode
from zz_desktop.importexport.table import ImportFileError, SourceRow, SourceTable

HEADERS = [
    "Title",
    "First Name",
    "Last Name",
    "Display Name",
    "Company",
    "Job Title",
    "E-mail Address",
    "Business Phone",
    "Mobile Phone",
    "Home Phone",
    "Business Street",
    "Business City",
    "Business Postal Code",
    "Home Postal Code",
    "Web Page",
    "Gender",
    "Birthday",
    "Notes",
]
_CARD = re.compile(r"^BEGIN:VCARD\s*$.*?^END:VCARD\s*$", re.IGNORECASE | re.MULTILINE | re.DOTALL)


def _types(line: Any) -> set[str]:
    found: set[str] = set()
    for value in line.params.get("TYPE", []):
        found.update(v.strip().strip('"').lower() for v in str(value).split(","))
    # vCard 2.1 writes bare parameters: TEL;WORK;VOICE:…
    found.update(str(k).lower() for k in line.params if k not in ("TYPE", "VALUE", "PREF"))
    return found


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value if v).strip()
    return str(value or "").strip()


def _card_row(card: Any) -> dict[str, str]:
    row: dict[str, str] = {}
    c = card.contents
    if "n" in c:
        name = c["n"][0].value
        row["First Name"] = _text(name.given)
        row["Last Name"] = _text(name.family)
        row["Title"] = _text(name.prefix)
    if "fn" in c:
        row["Display Name"] = _text(c["fn"][0].value)
    if "org" in c:
        value = c["org"][0].value
        row["Company"] = _text(value[0] if isinstance(value, list) and value else value)
    for key, column in (("title", "Job Title"), ("note", "Notes"), ("bday", "Birthday")):
        if key in c:
            row[column] = _text(c[key][0].value)
    if "url" in c:
        row["Web Page"] = _text(c["url"][0].value)
    if "gender" in c:
        row["Gender"] = _text(c["gender"][0].value).split(";")[0]
    emails = c.get("email", [])
    if emails:
        preferred = [e for e in emails if "pref" in _types(e) or "PREF" in e.params]
        row["E-mail Address"] = _text((preferred or emails)[0].value)
    for tel in c.get("tel", []):
        types = _types(tel)
        column = (
            "Mobile Phone"
            if "cell" in types
            else "Home Phone"
            if "home" in types
            else "Business Phone"
        )
        row.setdefault(column, _text(tel.value).removeprefix("tel:"))
    for adr in c.get("adr", []):
        a = adr.value
        home = "home" in _types(adr) or ("work" not in _types(adr) and "org" not in c)
        if home:
            row.setdefault("Home Postal Code", _text(a.code))
        else:
            row.setdefault("Business Street", _text(a.street))
            row.setdefault("Business City", _text(a.city))
            row.setdefault("Business Postal Code", _text(a.code))
    return row


def read_vcard(data: bytes, encoding: str | None = None) -> SourceTable:
    text, used = decode(data, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cards = _CARD.findall(text)
    if not cards:
        raise ImportFileError(t("The file holds no vCard."))
    rows: list[SourceRow] = []
    for number, block in enumerate(cards, start=1):
        try:
            card = vobject.readOne(block)
            values = _card_row(card)
        except Exception as exc:  # noqa: BLE001  (vobject raises many kinds; the row is reported)
            first = next((ln for ln in block.splitlines() if ln.upper().startswith("FN")), "")
            rows.append(
                SourceRow(
                    number,
                    [""] * len(HEADERS),
                    [first or block[:80]],
                    t("The card cannot be read ({detail}).", detail=str(exc)[:80]),
                )
            )
            continue
        cells = [values.get(h, "") for h in HEADERS]
        rows.append(SourceRow(number, cells, cells))
    return SourceTable("vcard", list(HEADERS), rows, encoding=used)
