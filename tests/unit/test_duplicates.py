"""Duplicate detection: normalised names, legal forms, the typing API, the scan, and its speed on
20 000 organisations and 30 000 persons."""

from __future__ import annotations

import random
import time

from faker import Faker

from zz_desktop.services.duplicates import (
    OrgIndex,
    OrgRec,
    PersonIndex,
    PersonRec,
    compare_persons,
    phone_key,
    reasons_text,
    scan,
    similar_organisations,
    similar_persons,
)
from zz_desktop.store.database import Store
from zz_desktop.store.models import Organisation, Person


def _add(store: Store, *objs: object) -> None:
    with store.write() as s:
        s.add_all(objs)


def test_similar_organisations_while_typing(store: Store) -> None:
    _add(
        store,
        Organisation(name="Müller Metallbau GmbH & Co. KG", postcode="06108", city="Halle"),
        Organisation(name="Tischlerei Krause", postcode="39104"),
        Organisation(name="Müller Metallbau", postcode="01069", deleted=True),
    )
    found = similar_organisations(store, {"name": "MUELLER METALLBAU", "postcode": "06108"})
    assert [c.label for c in found] == ["Müller Metallbau GmbH & Co. KG (06108 Halle)"]
    assert found[0].exact and "same_postcode" in found[0].reasons
    typo = similar_organisations(store, {"name": "Tischlerie Krause GmbH"})
    assert typo and typo[0].label.startswith("Tischlerei Krause") and not typo[0].exact
    assert similar_organisations(store, {"name": "Bäckerei Sonnenschein"}) == []
    assert similar_organisations(store, {}) == []


def test_similar_persons_and_the_esf_rule(store: Store) -> None:
    _add(
        store,
        Person(first_name="Jürgen", last_name="Weiß", postcode="06108", gender="male"),
        Person(first_name="Petra", last_name="Meier", postcode="04109", gender="female"),
    )
    found = similar_persons(
        store, {"first_name": "juergen", "last_name": "WEISS", "postcode": "06108"}
    )
    assert found[0].exact and found[0].reasons == ("esf_rule",)
    assert "PLZ" in reasons_text(found[0].reasons)
    # Peter is not Petra: different gender pulls the score below the report line.
    peter = similar_persons(
        store, {"first_name": "Peter", "last_name": "Meier", "postcode": "04109", "gender": "male"}
    )
    assert all(c.score < 80 for c in peter)
    swapped = similar_persons(
        store, {"first_name": "Weiß", "last_name": "Jürgen", "postcode": "06108"}
    )
    assert swapped and swapped[0].score >= 90


def test_scan_finds_pairs_with_reasons(store: Store) -> None:
    _add(
        store,
        Organisation(name="Bäckerei Schulz Inh. Anna Schulz", postcode="06108"),
        Organisation(name="Baeckerei Schulz e.K.", postcode="06108"),
        Organisation(name="Elektro Wagner", postcode="04109", email="info@wagner.de"),
        Organisation(name="Elektrotechnik Wagner GmbH", postcode="04109", email="info@wagner.de"),
        Organisation(name="Tischlerei Ebert", postcode="39104"),
        Organisation(name="Tischlerei Langer", postcode="39104"),
        Person(first_name="Anna", last_name="Schmidt", email="as@example.de"),
        Person(first_name="Anna", last_name="Schmitt", email="AS@example.de"),
    )
    pairs = scan(store)
    labels = {(p.entity, frozenset((p.first_label, p.second_label))) for p in pairs}
    assert (
        "organisation",
        frozenset({"Bäckerei Schulz Inh. Anna Schulz (06108)", "Baeckerei Schulz e.K. (06108)"}),
    ) in labels
    assert any("same_email" in p.reasons and p.entity == "organisation" for p in pairs)
    assert any(p.entity == "person" and "same_email" in p.reasons for p in pairs)
    assert len(pairs) == 3
    assert pairs == sorted(pairs, key=lambda p: -p.score)


def test_phone_key_and_person_rules() -> None:
    assert phone_key("+49 345 123456") == phone_key("0345/123456") == phone_key("0049345123456")
    assert phone_key("123") == ""
    a = PersonRec("a", "Anna", "Weiß", "06108", birth_year=1980)
    b = PersonRec("b", "Anna", "Weiss", "06108", birth_year=1955)
    assert compare_persons(a, b)[0] < 80  # same name, different birth years
    c = PersonRec("c", "Anna", "Weiss", "", org_ids=frozenset({"o"}))
    d = PersonRec("d", "anna", "weiß", "", org_ids=frozenset({"o"}))
    assert compare_persons(c, d)[2]  # same names at the same organisation: exact


def test_scan_of_20000_organisations_and_30000_persons_takes_seconds() -> None:
    fake = Faker("de_DE")
    fake.seed_instance(3)
    rng = random.Random(3)
    trades = ["Tischlerei", "Elektro", "Pflegedienst", "Bäckerei", "Metallbau", "Autohaus", ""]
    postcodes = [fake.postcode() for _ in range(600)]
    orgs = OrgIndex(
        OrgRec(f"o{i}", f"{rng.choice(trades)} {fake.last_name()} GmbH", rng.choice(postcodes))
        for i in range(20_000)
    )
    persons = PersonIndex(
        PersonRec(f"p{i}", fake.first_name(), fake.last_name(), rng.choice(postcodes))
        for i in range(30_000)
    )
    started = time.perf_counter()
    org_pairs = orgs.pairs()
    person_pairs = persons.pairs()
    elapsed = time.perf_counter() - started
    print(f"scan: {elapsed:.1f} s, {len(org_pairs)} + {len(person_pairs)} pairs")
    assert elapsed < 15, elapsed
