"""Validation of the partner network's records (partner offers, referrals) and of Wissenspool items (the same
``{field: message}`` contract as :mod:`zz_desktop.domain.validation`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from zz_desktop.domain import codelists, enums
from zz_desktop.domain.validation import (
    Errors,
    _blank,
    _check_enum,
    check_email,
    check_phone,
    check_website,
)
from zz_desktop.i18n import t


def _codes(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def validate_partner_offer(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    if _blank(data.get("name")):
        errors["name"] = t("The name is required.")
    _check_enum(errors, data, "partner_type", enums.PartnerType, required=True)
    for name, check in (("email", check_email), ("phone", check_phone), ("website", check_website)):
        if message := check(data.get(name)):
            errors[name] = message
    unknown_topics = [c for c in _codes(data.get("topics")) if codelists.topic(c) is None]
    if unknown_topics:
        errors["topics"] = t("Unknown topic: {code}", code=unknown_topics[0])
    laender = _codes(data.get("laender"))
    if bad := [c for c in laender if codelists.land(c) is None]:
        errors["laender"] = t("Unknown Land: {code}", code=bad[0])
    kreise = _codes(data.get("kreise"))
    if bad := [c for c in kreise if codelists.kreis(c) is None]:
        errors["kreise"] = t("Unknown Kreis: {code}", code=bad[0])
    elif laender and (outside := [c for c in kreise if c[:2] not in laender]):
        errors["kreise"] = t("The Kreis {code} lies outside the Länder chosen.", code=outside[0])
    return errors


def validate_referral(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    if _blank(data.get("consultation_id")):
        errors["consultation_id"] = t("A referral belongs to a consultation.")
    if _blank(data.get("partner_offer_id")):
        errors["partner_offer_id"] = t("Please choose a partner offer.")
    _check_enum(errors, data, "outcome", enums.ReferralOutcome, required=True)
    outcome, when = data.get("outcome"), data.get("outcome_date")
    if when is not None and not isinstance(when, dt.date):
        errors["outcome_date"] = t("Please enter a date.")
    elif isinstance(when, dt.date) and when > dt.date.today():
        errors["outcome_date"] = t("The outcome cannot lie in the future.")
    elif (
        outcome != enums.ReferralOutcome.UNKNOWN.value and when is None and "outcome" not in errors
    ):
        errors["outcome_date"] = t("Please enter the date of the outcome.")
    return errors


def validate_knowledge_item(data: Mapping[str, Any]) -> Errors:
    errors: Errors = {}
    if _blank(data.get("title")):
        errors["title"] = t("The title is required.")
    _check_enum(errors, data, "kind", enums.KnowledgeKind, required=True)
    groups = _codes(data.get("target_groups"))
    if bad := [g for g in groups if g not in {e.value for e in enums.TargetGroup}]:
        errors["target_groups"] = t("'{value}' is not a valid choice.", value=bad[0])
    unknown_topics = [c for c in _codes(data.get("topics")) if codelists.topic(c) is None]
    if unknown_topics:
        errors["topics"] = t("Unknown topic: {code}", code=unknown_topics[0])
    if data.get("kind") == enums.KnowledgeKind.LINK.value and _blank(data.get("url")):
        errors["url"] = t("A link needs its web address.")
    elif message := check_website(data.get("url")):
        errors["url"] = message
    return errors
