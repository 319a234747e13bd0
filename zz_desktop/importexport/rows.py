"""One mapped row → organisation and person data, normalised and validated.

Errors reject the row (it goes to the report with the reason); warnings let it through and are
shown in the wizard (a repaired postcode, a phone number kept as given, an implausible Land).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from zz_desktop.domain import codelists
from zz_desktop.domain.validation import validate_organisation, validate_person
from zz_desktop.i18n import t
from zz_desktop.importexport.normalise import (
    birth_year_of,
    fold,
    gender_of,
    legal_form_of,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    split_full_name,
)


@dataclass
class RowData:
    organisation: dict[str, Any] | None = None
    person: dict[str, Any] | None = None
    function_title: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def mapped_values(
    headers: Sequence[str], cells: Sequence[str], mapping: Mapping[str, str | None]
) -> dict[str, str]:
    values: dict[str, str] = {}
    for header, cell in zip(headers, cells, strict=False):
        target = mapping.get(header)
        if target and cell.strip():
            values[target] = cell.strip()
    return values


def _field_label(field_name: str) -> str:
    labels = {
        "name": t("Name"),
        "first_name": t("First name"),
        "last_name": t("Last name"),
        "email": t("E-mail"),
        "postcode": t("Postcode"),
        "ags": t("AGS"),
        "birth_year": t("Birth year"),
        "employees": t("Employees"),
        "sector_code": t("Sector code"),
        "gender": t("Gender"),
    }
    return labels.get(field_name, field_name)


def _land_of_text(text: str) -> str | None:
    key = fold(text).replace(" ", "")
    for land in codelists.laender():
        names = {fold(land.name_de), fold(land.name_en), fold(land.iso), fold(land.iso[3:])}
        if key in {n.replace(" ", "") for n in names} or key == land.ags:
            return land.ags
    return None


def _postcode(data: dict[str, Any], who: str, warnings: list[str]) -> None:
    raw = data.get("postcode")
    if not raw:
        return
    value, repaired = normalise_postcode(raw)
    data["postcode"] = value
    if repaired:
        warnings.append(t("{who}: postcode {raw} read as {value}.", who=who, raw=raw, value=value))
    if re.fullmatch(r"\d{5}", value) and not codelists.lands_for_postcode(value):
        warnings.append(t("{who}: postcode {value} belongs to no Land.", who=who, value=value))


def _phone(data: dict[str, Any], key: str, who: str, warnings: list[str]) -> None:
    if not data.get(key):
        return
    value, ok = normalise_phone(data[key])
    data[key] = value
    if not ok:
        warnings.append(
            t("{who}: phone number {value} is not valid; kept as given.", who=who, value=value)
        )


def _person(values: dict[str, str], row: RowData) -> dict[str, Any] | None:
    p: dict[str, Any] = {
        k.split(".", 1)[1]: v for k, v in values.items() if k.startswith("person.")
    }
    full = p.pop("full_name", "")
    if full and not (p.get("first_name") or p.get("last_name")):
        p["first_name"], p["last_name"] = split_full_name(full)
    if not (p.get("first_name") or p.get("last_name")):
        return None
    who = t("Person")
    if raw := p.get("gender"):
        code = gender_of(raw)
        if code is None:
            row.warnings.append(t("Person: gender {value} not understood.", value=raw))
        p["gender"] = code or "not_stated"
    if raw := p.pop("birth_year", ""):
        year = birth_year_of(raw)
        if year is None:
            row.warnings.append(t("Person: birth date {value} not understood.", value=raw))
        else:
            p["birth_year"] = year
    if p.get("email"):
        p["email"] = normalise_email(p["email"])
    _postcode(p, who, row.warnings)
    _phone(p, "phone", who, row.warnings)
    _phone(p, "mobile", who, row.warnings)
    mobile = p.pop("mobile", "")
    if mobile and not p.get("phone"):
        p["phone"] = mobile
    elif mobile:
        p["notes"] = "\n".join(x for x in (p.get("notes"), t("Mobile: {n}", n=mobile)) if x)
    return p


def _organisation(values: dict[str, str], row: RowData) -> dict[str, Any] | None:
    o: dict[str, Any] = {
        k.split(".", 1)[1]: v for k, v in values.items() if k.startswith("organisation.")
    }
    state = o.pop("state", "")
    if not o.get("name"):
        return None
    who = t("Organisation")
    o.setdefault("legal_form", legal_form_of(o["name"]))
    if o.get("email"):
        o["email"] = normalise_email(o["email"])
    _postcode(o, who, row.warnings)
    _phone(o, "phone", who, row.warnings)
    if raw := o.get("employees"):
        digits = raw.replace(".", "").replace(" ", "").removesuffix(",0")
        if digits.isdigit():
            o["employees"] = int(digits)
        else:
            del o["employees"]
            row.warnings.append(t("Organisation: employees {value} not a number.", value=raw))
    if code := o.get("sector_code"):
        if codelists.wz_code("WZ2025", code) or codelists.wz_section("WZ2025", code):
            o["sector_version"] = "WZ2025"
        elif codelists.wz_code("WZ2008", code) or codelists.wz_section("WZ2008", code):
            o["sector_version"] = "WZ2008"
        else:
            del o["sector_code"]
            row.warnings.append(t("Organisation: sector code {value} unknown.", value=code))
    if state and o.get("postcode"):
        land = _land_of_text(state)
        lands = codelists.lands_for_postcode(str(o["postcode"]))
        if land is None:
            row.warnings.append(t("Organisation: Land {value} not recognised.", value=state))
        elif lands and land not in lands:
            row.warnings.append(
                t(
                    "Organisation: postcode {postcode} does not lie in {land}.",
                    postcode=o["postcode"],
                    land=state,
                )
            )
    return {k: v for k, v in o.items() if v not in (None, "")}


def convert(values: Mapping[str, str]) -> RowData:
    """Organisation and person of one row with errors (reject) and warnings (import)."""
    row = RowData()
    vals = dict(values)
    row.function_title = vals.pop("affiliation.function_title", None)
    row.person = _person(vals, row)
    if row.person is None:
        # A row of a company list: the contact columns belong to the organisation.
        for key in ("email", "phone", "postcode", "notes"):
            if (v := vals.get(f"person.{key}")) and not vals.get(f"organisation.{key}"):
                vals[f"organisation.{key}"] = v
        if not vals.get("organisation.phone") and vals.get("person.mobile"):
            vals["organisation.phone"] = vals["person.mobile"]
    row.organisation = _organisation(vals, row)
    if row.person is None and row.organisation is None:
        row.errors.append(t("The row names neither an organisation nor a person."))
        return row
    for data, validate, who in (
        (row.organisation, validate_organisation, t("Organisation")),
        (row.person, validate_person, t("Person")),
    ):
        if data is None:
            continue
        for key, message in validate(data).items():  # type: ignore[operator]
            row.errors.append(f"{who}, {_field_label(key)}: {message}")
    return row
