"""Persons, their affiliations with organisations, self-employed profiles and the exact
duplicate rule of the ESF (same first name, last name and postcode, or same e-mail)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, or_, select

from zz_desktop.domain.enums import AffiliationRole
from zz_desktop.domain.validation import validate_person
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Affiliation, Person, SelfEmployedProfile


def _norm(value: Any) -> str:
    return str(value or "").strip().casefold()


def find_exact_duplicate(
    store: Store, data: Mapping[str, Any], exclude_id: str | None = None
) -> Person | None:
    """The existing person that ESF monitoring would count as the same one, if any."""
    first, last, plz, email = (
        _norm(data.get(k)) for k in ("first_name", "last_name", "postcode", "email")
    )
    conditions: list[Any] = []
    if first and last and plz:
        conditions.append(
            (func.lower(Person.first_name) == first)
            & (func.lower(Person.last_name) == last)
            & (Person.postcode == plz)
        )
    if email:
        conditions.append(func.lower(Person.email) == email)
    if not conditions:
        return None
    with store.read() as session:
        query = select(Person).where(Person.deleted.is_(False), or_(*conditions))
        if exclude_id:
            query = query.where(Person.id != exclude_id)
        return session.scalars(query.limit(1)).first()


SPECIAL_CATEGORY_FIELDS = ("disability",)


def _special_category_errors(
    store: Store, data: Mapping[str, Any], person_id: str | None, consent_given: bool
) -> dict[str, str]:
    """Disability is Art. 9 data: stored only with an explicit consent (purpose special_category)."""
    if consent_given or all(
        data.get(f) in (None, "", "no_answer") for f in SPECIAL_CATEGORY_FIELDS
    ):
        return {}
    if person_id is not None:
        from zz_desktop.services.consents import has_consent

        if has_consent(store, person_id, "special_category"):
            return {}
    return {
        "disability": t(
            "Disability may only be recorded with the person's explicit consent (GDPR Art. 9)."
        )
    }


def create_person(
    store: Store,
    data: Mapping[str, Any],
    organisation_id: str | None = None,
    role: str = AffiliationRole.EMPLOYEE.value,
    function_title: str | None = None,
    allow_duplicate: bool = False,
    explicit_consent: Mapping[str, Any] | None = None,
) -> Person:
    """Create a person (optionally linked to an organisation). ``explicit_consent`` — fields of
    a Consent of purpose ``special_category`` — is recorded in the same transaction."""
    errors = validate_person(data) | _special_category_errors(
        store, data, None, explicit_consent is not None
    )
    if errors:
        raise ValidationFailed(errors)
    if not allow_duplicate and (dup := find_exact_duplicate(store, data)) is not None:
        raise ValidationFailed(
            {
                "last_name": t(
                    "This person already exists ({name}).",
                    name=f"{dup.first_name or ''} {dup.last_name or ''}".strip(),
                )
            }
        )
    with store.write() as session:
        person = Person(**dict(data))
        session.add(person)
        session.flush()
        if explicit_consent is not None:
            import datetime as dt

            from zz_desktop.store.models import Consent

            values = {
                "purpose": "special_category",
                "legal_basis": "art9_2a",
                "given_at": dt.date.today(),
            }
            session.add(Consent(person_id=person.id, **(values | dict(explicit_consent))))
        if organisation_id:
            session.add(
                Affiliation(
                    person_id=person.id,
                    organisation_id=organisation_id,
                    role=role,
                    function_title=function_title,
                )
            )
    return person


def update_person(store: Store, person_id: str, changes: Mapping[str, Any]) -> Person:
    if errors := _special_category_errors(store, changes, person_id, False):
        raise ValidationFailed(errors)
    return records.update(store, Person, person_id, changes, validate_person)


def esf_answers(store: Store, person_id: str) -> dict[str, str | None]:
    """The ESF disadvantage answers of the person (for the privacy tab)."""
    from zz_desktop.domain.esf import DISADVANTAGE_FIELDS

    with store.read() as session:
        person = records.get(session, Person, person_id, include_deleted=True)
        return {name: getattr(person, name) for name in DISADVANTAGE_FIELDS}


def update_esf_answers(store: Store, person_id: str, changes: Mapping[str, Any]) -> Person:
    """Set ESF disadvantage answers — only with the person's ESF monitoring consent."""
    from zz_desktop.domain.esf import DISADVANTAGE_FIELDS
    from zz_desktop.services.consents import has_consent

    values = {k: v for k, v in changes.items() if k in DISADVANTAGE_FIELDS}
    if not has_consent(store, person_id, "esf_monitoring"):
        raise ValidationFailed(
            {"esf": t("ESF monitoring answers need the person's consent for ESF monitoring.")}
        )
    return update_person(store, person_id, values)


def delete_person(store: Store, person_id: str) -> None:
    records.soft_delete(store, Person, person_id)


def restore_person(store: Store, person_id: str) -> None:
    records.restore(store, Person, person_id)


def link_person(
    store: Store,
    person_id: str,
    organisation_id: str,
    role: str = "employee",
    function_title: str | None = None,
) -> Affiliation:
    AffiliationRole(role)
    return records.create(
        store,
        Affiliation,
        {
            "person_id": person_id,
            "organisation_id": organisation_id,
            "role": role,
            "function_title": function_title,
        },
        None,
    )


def persons_of_organisation(store: Store, organisation_id: str) -> list[Person]:
    with store.read() as session:
        return list(
            session.scalars(
                select(Person)
                .join(Affiliation, Affiliation.person_id == Person.id)
                .where(
                    Affiliation.organisation_id == organisation_id,
                    Affiliation.deleted.is_(False),
                    Person.deleted.is_(False),
                )
                .order_by(Person.last_name, Person.first_name)
            )
        )


PROFILE_FIELDS = (
    "occupation",
    "sector_code",
    "sector_version",
    "since_year",
    "platform_work",
    "fee_basis",
    "fee_band",
    "health_insurance",
    "pension",
    "unemployment_insurance",
    "interest_group_member",
    "notes",
)


def selfemployed_profile(store: Store, person_id: str) -> dict[str, Any] | None:
    """The person's self-employed profile as field values, or ``None`` when there is none."""
    with store.read() as session:
        found = profile_row(session, person_id)
        return {f: getattr(found, f) for f in PROFILE_FIELDS} if found is not None else None


def profile_row(session: Any, person_id: str) -> SelfEmployedProfile | None:
    return session.scalars(
        select(SelfEmployedProfile)
        .where(SelfEmployedProfile.person_id == person_id, SelfEmployedProfile.deleted.is_(False))
        .order_by(SelfEmployedProfile.created_at)
    ).first()


def save_selfemployed_profile(
    store: Store, person_id: str, data: Mapping[str, Any]
) -> SelfEmployedProfile:
    """Create or update the person's profile in ONE transaction, after validating the merged
    values (bad input raises :class:`ValidationFailed` with a message per field)."""
    from zz_desktop.domain.validation import validate_selfemployed_profile

    values = {k: v for k, v in data.items() if k in PROFILE_FIELDS}
    if values.get("sector_code") and not values.get("sector_version"):
        values["sector_version"] = "WZ2025"
    if "sector_code" in values and not values.get("sector_code"):
        values["sector_code"], values["sector_version"] = None, None
    with store.write() as session:
        records.get(session, Person, person_id)
        existing = profile_row(session, person_id)
        current = {f: getattr(existing, f) for f in PROFILE_FIELDS} if existing else {}
        merged = current | values | {"person_id": person_id}
        if errors := validate_selfemployed_profile(merged):
            raise ValidationFailed(errors)
        if existing is None:
            existing = SelfEmployedProfile(**merged)
            session.add(existing)
        else:
            for key, value in values.items():
                if getattr(existing, key) != value:
                    setattr(existing, key, value)
        session.flush()
    return existing
