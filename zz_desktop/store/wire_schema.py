"""The wire schema of every synced entity, derived from the store's models and the domain's code
lists, written to ``zz_protocol/wire_schema.json`` for the hub (which may not import the store).

``python -m zz_desktop.store.wire_schema`` rewrites the file; ``tests/unit/test_wire_schema.py``
fails when the committed file no longer matches the models, so the hub always validates pushed
ops against the shapes the devices really store.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text

from zz_desktop.domain import enums
from zz_desktop.domain.esf import DISADVANTAGE_FIELDS
from zz_desktop.domain.questionnaire import EXIT_FIELDS
from zz_desktop.store.base import NOT_WIRED
from zz_desktop.store.models import SYNCED_MODELS

OUTPUT = Path(__file__).resolve().parents[2] / "zz_protocol" / "wire_schema.json"

#: Longest text accepted in a Text column (a protocol of several pages fits easily).
TEXT_MAX = 100_000
INT_RANGE = (-(2**31), 2**31 - 1)

#: Columns whose values come from an enumeration of the domain (entity, column) → enum.
_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("organisation", "turnover_band"): enums.TurnoverBand,
    ("organisation", "sme_class"): enums.SmeClass,
    ("organisation", "source"): enums.ContactSource,
    ("person", "gender"): enums.Gender,
    ("person", "employment_status"): enums.EmploymentStatus,
    ("person", "education"): enums.Education,
    ("affiliation", "role"): enums.AffiliationRole,
    ("consultation", "mode"): enums.ConsultationMode,
    ("consultation", "kind"): enums.ConsultationKind,
    ("consultation", "status"): enums.ConsultationStatus,
    ("consultation", "esf_counting"): enums.EsfCounting,
    ("consultation", "ombuds_state"): enums.OmbudsState,
    ("event", "type"): enums.EventType,
    ("participation", "entry_questionnaire"): enums.QuestionnaireStatus,
    ("participation", "exit_questionnaire"): enums.QuestionnaireStatus,
    ("consent", "purpose"): enums.ConsentPurpose,
    ("partner_offer", "partner_type"): enums.PartnerType,
    ("referral", "outcome"): enums.ReferralOutcome,
    ("knowledge_item", "kind"): enums.KnowledgeKind,
    ("knowledge_item", "review_state"): enums.ReviewState,
    ("knowledge_item", "target_groups"): enums.TargetGroup,
    ("questionnaire", "part"): enums.QuestionnairePart,
    ("questionnaire", "gender"): enums.Gender,
    ("questionnaire", "employment_status"): enums.EmploymentStatus,
    ("questionnaire", "education"): enums.Education,
}
for _name in ("disability", "third_country_national", "foreign_origin", "minority"):
    _ENUMS[("person", _name)] = enums.TriState
for _name in ("homeless", "rural_area"):
    _ENUMS[("person", _name)] = enums.TriState
for _name in DISADVANTAGE_FIELDS:
    _ENUMS[("questionnaire", _name)] = enums.TriState
for _name in EXIT_FIELDS:
    _ENUMS[("questionnaire", _name)] = enums.YesNo

#: Columns checked against a code list the hub ships (resources/codelists).
_CODELISTS: dict[tuple[str, str], str] = {
    ("consultation", "topics"): "topics",
    ("event", "topics"): "topics",
    ("organisation", "sector_code"): "wz",
    ("selfemployed_profile", "sector_code"): "wz",
    ("organisation", "sector_version"): "wz_version",
    ("selfemployed_profile", "sector_version"): "wz_version",
    ("organisation", "ags"): "ags",
    ("organisation", "postcode"): "postcode",
    ("partner_offer", "topics"): "topics",
    ("partner_offer", "laender"): "land",
    ("partner_offer", "kreise"): "ags",
    ("knowledge_item", "topics"): "topics",
}

#: Plausible ranges of numbers beyond the column type.
_RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("person", "birth_year"): (1900, 2100),
    ("organisation", "employees"): (0, 10_000_000),
    ("consultation", "duration_min"): (0, 24 * 60),
    ("selfemployed_profile", "since_year"): (1900, 2100),
    ("event", "hours"): (0, 10_000),
    ("participation", "attended_hours"): (0, 10_000),
    ("questionnaire", "birth_year"): (1900, 2100),
    ("questionnaire", "age_at_entry"): (0, 130),
    ("questionnaire", "version"): (1, 10_000),
}

#: JSON columns holding a list of enumeration values.
_ENUM_LISTS = {("knowledge_item", "target_groups")}
#: JSON columns holding a list of ids (users) rather than free values.
_ID_LISTS = {("consultation", "advisor_ids"), ("event", "advisor_ids")}


def _field(entity: str, column: Any) -> dict[str, Any]:
    kind = column.type
    spec: dict[str, Any] = {"nullable": bool(column.nullable)}
    key = (entity, column.key)
    if isinstance(kind, Boolean):
        spec["type"] = "bool"
    elif isinstance(kind, Integer):
        spec["type"] = "int"
        spec["range"] = list(_RANGES.get(key, INT_RANGE))
    elif isinstance(kind, Float):
        spec["type"] = "float"
        if key in _RANGES:
            spec["range"] = list(_RANGES[key])
    elif isinstance(kind, DateTime):
        spec["type"] = "datetime"
    elif isinstance(kind, Date):
        spec["type"] = "date"
    elif isinstance(kind, JSON):
        if key in _CODELISTS or key in _ID_LISTS or key in _ENUM_LISTS or column.key == "tags":
            spec["type"] = "str_list"
        else:
            spec["type"] = "json"
    elif isinstance(kind, Text):
        spec["type"] = "str"
        spec["max_length"] = TEXT_MAX
    elif isinstance(kind, String):
        spec["type"] = "str"
        spec["max_length"] = int(kind.length or TEXT_MAX)
    else:  # pragma: no cover - a new column type must be mapped here first
        raise TypeError(f"no wire type for {entity}.{column.key}: {kind!r}")
    if (
        column.foreign_keys
        or column.key.endswith("_by")
        or key == ("questionnaire", "series_id")
        or column.key in ("owner_id", "user_id")
    ):
        spec["id"] = True
    if key in _ID_LISTS:
        spec["id"] = True
    if key in _ENUMS:
        spec["enum"] = [e.value for e in _ENUMS[key]]
    if key in _CODELISTS:
        spec["codelist"] = _CODELISTS[key]
    return spec


def build() -> dict[str, Any]:
    entities: dict[str, Any] = {}
    for entity, model in SYNCED_MODELS.items():
        table = model.__table__  # type: ignore[attr-defined]
        entities[entity] = {
            c.key: _field(entity, c) for c in table.columns if c.key not in NOT_WIRED
        }
    return {"entities": entities}


def render() -> str:
    return json.dumps(build(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
