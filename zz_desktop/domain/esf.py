"""ESF Plus counting rules that depend only on values (Regulation (EU) 2021/1057, Annex I)."""

from __future__ import annotations

from enum import StrEnum

#: The optional disadvantage indicators of Annex I (person fields answered yes | no | no_answer).
DISADVANTAGE_FIELDS: tuple[str, ...] = (
    "disability",
    "third_country_national",
    "foreign_origin",
    "minority",
    "homeless",
    "rural_area",
)

#: Consultation statuses that count in the ESF figures; drafts are listed, never counted.
COUNTED_STATUSES: tuple[str, ...] = ("final", "signed")


class AgeGroup(StrEnum):
    UNDER_18 = "under_18"
    FROM_18_TO_29 = "18_29"
    FROM_30_TO_54 = "30_54"
    FROM_55 = "55_plus"


def age_in_year(birth_year: int, reference_year: int) -> int:
    """Age a person reaches in ``reference_year``; only the birth year is stored (minimisation).

    The ESF counts age at entry; with only the year known we take the age reached in the year of
    entry, which errs towards the older group at most for part of one year.
    """
    return reference_year - birth_year


def age_group(birth_year: int | None, reference_year: int) -> AgeGroup | None:
    if birth_year is None:
        return None
    return age_group_of_age(age_in_year(birth_year, reference_year))


def age_group_of_age(age: int | None) -> AgeGroup | None:
    """The ESF age group of an age at entry (Annex I: below 18, 18–29, 55 and above)."""
    if age is None:
        return None
    if age < 18:
        return AgeGroup.UNDER_18
    if age <= 29:
        return AgeGroup.FROM_18_TO_29
    if age < 55:
        return AgeGroup.FROM_30_TO_54
    return AgeGroup.FROM_55
