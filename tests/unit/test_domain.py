"""Domain rules: EU SME classification at every threshold, ESF age groups, validation texts."""

from __future__ import annotations

import datetime as dt

import pytest

from zz_desktop import i18n
from zz_desktop.domain import validation
from zz_desktop.domain.enums import SmeClass, TurnoverBand
from zz_desktop.domain.esf import AgeGroup, age_group
from zz_desktop.domain.sme import classify_sme, classify_sme_band, is_sme

M = 1_000_000


@pytest.mark.parametrize(
    ("staff", "turnover", "balance", "expected"),
    [
        # micro: < 10 staff and turnover or balance sheet <= 2 m
        (9, 2 * M, None, SmeClass.MICRO),
        (10, 2 * M, None, SmeClass.SMALL),  # staff ceiling is strict
        (9, 2 * M + 1, None, SmeClass.SMALL),
        (9, 2 * M + 1, 2 * M, SmeClass.MICRO),  # either money ceiling suffices
        (9, None, 2 * M + 1, SmeClass.SMALL),
        # small: < 50 and <= 10 m
        (49, 10 * M, None, SmeClass.SMALL),
        (50, 10 * M, None, SmeClass.MEDIUM),
        (49, 10 * M + 1, None, SmeClass.MEDIUM),
        (49, 10 * M + 1, 10 * M, SmeClass.SMALL),
        # medium: < 250 and turnover <= 50 m or balance sheet <= 43 m
        (249, 50 * M, None, SmeClass.MEDIUM),
        (250, 50 * M, None, SmeClass.LARGE),
        (249, 50 * M + 1, None, SmeClass.LARGE),
        (249, 50 * M + 1, 43 * M, SmeClass.MEDIUM),
        (249, 50 * M + 1, 43 * M + 1, SmeClass.LARGE),
        (249, None, 43 * M + 1, SmeClass.LARGE),
        # head count alone
        (0, None, None, SmeClass.MICRO),
        (1000, None, None, SmeClass.LARGE),
    ],
)
def test_sme_thresholds(
    staff: int, turnover: int | None, balance: int | None, expected: SmeClass
) -> None:
    assert classify_sme(staff, turnover, balance) is expected


def test_sme_bands() -> None:
    assert classify_sme_band(5, TurnoverBand.UP_TO_2M) is SmeClass.MICRO
    assert classify_sme_band(5, TurnoverBand.UP_TO_10M) is SmeClass.SMALL
    assert classify_sme_band(120, TurnoverBand.UP_TO_50M) is SmeClass.MEDIUM
    assert classify_sme_band(120, TurnoverBand.ABOVE_50M) is SmeClass.LARGE
    assert classify_sme_band(None, TurnoverBand.UP_TO_2M) is None
    assert classify_sme_band(300, None) is SmeClass.LARGE
    assert is_sme("medium") and not is_sme("large") and not is_sme(None)
    with pytest.raises(ValueError):
        classify_sme(-1)


@pytest.mark.parametrize(
    ("birth_year", "expected"),
    [
        (2009, AgeGroup.UNDER_18),  # 17 in 2026
        (2008, AgeGroup.FROM_18_TO_29),
        (1997, AgeGroup.FROM_18_TO_29),  # 29
        (1996, AgeGroup.FROM_30_TO_54),  # 30
        (1972, AgeGroup.FROM_30_TO_54),  # 54
        (1971, AgeGroup.FROM_55),  # 55
        (None, None),
    ],
)
def test_age_groups(birth_year: int | None, expected: AgeGroup | None) -> None:
    assert age_group(birth_year, 2026) == expected


def test_validation_messages_in_german_and_english() -> None:
    bad = {"name": " ", "email": "keine-adresse", "postcode": "1234", "employees": -3}
    errors = validation.validate_organisation(bad)
    assert errors == {
        "name": "Der Name ist ein Pflichtfeld.",
        "email": "Das ist keine gültige E-Mail-Adresse.",
        "postcode": "Eine deutsche Postleitzahl hat fünf Ziffern.",
        "employees": "Die Zahl der Beschäftigten muss eine ganze Zahl ab 0 sein.",
    }
    i18n.set_language("en")
    errors = validation.validate_organisation(bad)
    assert errors["name"] == "The name is required."
    assert errors["postcode"] == "A German postcode has five digits."


def test_organisation_codes_and_plausibility() -> None:
    ok = {
        "name": "Tischlerei Krause",
        "postcode": "06108",
        "ags": "15002000",
        "sector_code": "16.23",
    }
    assert validation.validate_organisation(ok) == {}
    assert "postcode" in validation.validate_organisation(
        ok | {"postcode": "01067"}
    )  # Dresden ≠ ST
    assert "ags" in validation.validate_organisation(ok | {"ags": "99000000"})
    assert "sector_code" in validation.validate_organisation(ok | {"sector_code": "99.99"})
    assert (
        validation.validate_organisation(ok | {"sector_code": "62.01", "sector_version": "WZ2008"})
        == {}
    )


def test_person_and_consultation_rules() -> None:
    today = dt.date(2026, 11, 24)
    assert "last_name" in validation.validate_person({})
    assert "birth_year" in validation.validate_person({"last_name": "X", "birth_year": 2020}, today)
    assert (
        validation.validate_person(
            {"last_name": "Öztürk", "birth_year": 1980, "gender": "female"}, today
        )
        == {}
    )
    assert "gender" in validation.validate_person({"last_name": "X", "gender": "unknown"})
    good = {
        "date": today,
        "duration_min": 90,
        "mode": "on_site",
        "kind": "in_depth",
        "organisation_id": "o",
    }
    assert validation.validate_consultation(good, {"ai_at_work"}) == {}
    bad = validation.validate_consultation(
        good
        | {
            "start_time": "25:00",
            "duration_min": 0,
            "mode": "x",
            "organisation_id": None,
            "topics": ["nope"],
        },
        {"ai_at_work"},
    )
    assert set(bad) == {"start_time", "duration_min", "mode", "organisation_id", "topics"}


def test_event_followup_consent_rules() -> None:
    d = dt.date(2026, 1, 10)
    assert "end_date" in validation.validate_event(
        {
            "title": "KI-Werkstatt",
            "type": "workshop",
            "start_date": d,
            "end_date": d - dt.timedelta(days=1),
        }
    )
    assert (
        validation.validate_followup(
            {"text": "Angebot schicken", "due_date": d, "organisation_id": "o"}
        )
        == {}
    )
    assert "due_date" in validation.validate_followup({"text": "x", "organisation_id": "o"})
    errors = validation.validate_consent(
        {
            "person_id": "p",
            "purpose": "newsletter",
            "given_at": d,
            "withdrawn_at": d - dt.timedelta(days=2),
        }
    )
    assert set(errors) == {"withdrawn_at"}
