"""Column mapping: guesses for German and English headers of Outlook, Thunderbird and generic
lists; saved mappings in the store's settings; row conversion with normalisation."""

from __future__ import annotations

import pytest

from zz_desktop.errors import NotFound
from zz_desktop.importexport.mapping import TARGETS, apply_saved, check_mapping, guess_mapping
from zz_desktop.importexport.normalise import (
    birth_year_of,
    core_name,
    legal_form_of,
    normalise_phone,
    normalise_postcode,
)
from zz_desktop.importexport.rows import convert
from zz_desktop.services import importing
from zz_desktop.store.database import Store


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Vorname", "person.first_name"),
        ("Nachname", "person.last_name"),
        ("E-Mail-Adresse", "person.email"),
        ("Firma", "organisation.name"),
        ("Geschäftlich Telefon", "person.phone"),
        ("Telefon geschäftlich", "person.phone"),
        ("PLZ geschäftlich", "organisation.postcode"),
        ("Postleitzahl geschäftlich", "organisation.postcode"),
        ("First Name", "person.first_name"),
        ("Last Name", "person.last_name"),
        ("Company", "organisation.name"),
        ("Business Postal Code", "organisation.postcode"),
        ("Business Phone", "person.phone"),
        ("E-mail Address", "person.email"),
        ("Primary Email", "person.email"),
        ("Work ZipCode", "organisation.postcode"),
        ("Home ZipCode", "person.postcode"),
        ("Organization", "organisation.name"),
        ("Job Title", "affiliation.function_title"),
        ("Position", "affiliation.function_title"),
        ("Mobiltelefon", "person.mobile"),
        ("Geburtstag", "person.birth_year"),
        ("PLZ", "person.postcode"),
        ("Straße geschäftlich", "organisation.street"),
        ("Region geschäftlich", "organisation.state"),
        ("E-Mail 2: Adresse", None),
        ("Fax geschäftlich", None),
        ("Lieblingsfarbe", None),
    ],
)
def test_guesses_in_a_list_of_people(header: str, target: str | None) -> None:
    names = target in ("person.first_name", "person.last_name")
    mapping = guess_mapping([header] if names else ["Vorname", "Nachname", header])
    assert mapping[header] == target


def test_company_list_maps_contact_columns_to_the_organisation() -> None:
    mapping = guess_mapping(["Name", "PLZ", "Ort", "Telefon", "E-Mail", "Webseite"])
    assert mapping == {
        "Name": "organisation.name",
        "PLZ": "organisation.postcode",
        "Ort": "organisation.city",
        "Telefon": "organisation.phone",
        "E-Mail": "organisation.email",
        "Webseite": "organisation.website",
    }


def test_each_target_once() -> None:
    mapping = guess_mapping(["Vorname", "Nachname", "E-Mail", "E-Mail-Adresse", "Telefon", "Tel."])
    assert list(mapping.values()).count("person.email") == 1
    assert list(mapping.values()).count("person.phone") == 1
    assert check_mapping(mapping) == []


def test_check_mapping() -> None:
    assert check_mapping({"A": "person.email"})  # no name
    assert check_mapping({"A": "person.last_name", "B": "person.last_name"})
    assert check_mapping({"A": "person.last_name", "B": "nonsense"})
    assert set(TARGETS) >= {"organisation.name", "person.first_name"}


def test_saved_mapping_round_trip(store: Store) -> None:
    headers = ["Vorname", "Name", "Spalte X", "Neue Spalte E-Mail"]
    mapping = {"Vorname": "person.first_name", "Name": "person.last_name", "Spalte X": None}
    importing.save_mapping(store, "Anmeldetool", mapping)
    assert importing.mapping_names(store) == ["Anmeldetool"]
    loaded = importing.load_mapping(store, "Anmeldetool")
    assert loaded == {"Vorname": "person.first_name", "Name": "person.last_name", "Spalte X": None}
    # Headers the saved mapping does not know are guessed.
    applied = apply_saved(headers, loaded)
    assert applied["Neue Spalte E-Mail"] == "person.email"
    assert applied["Spalte X"] is None
    with pytest.raises(NotFound):
        importing.load_mapping(store, "Fehlt")


def test_normalisers() -> None:
    assert normalise_phone("0345 / 2 90 11") == ("+49 345 29011", True)
    assert normalise_phone("+49 (0)391 555010") == ("+49 391 555010", True)
    assert normalise_phone("0171-9876543") == ("+49 171 9876543", True)
    assert normalise_phone("12") == ("12", False)
    assert normalise_postcode("1067") == ("01067", True)
    assert normalise_postcode("D-06108") == ("06108", False)
    assert birth_year_of("12.03.1975") == 1975
    assert birth_year_of("1975-03-12") == 1975
    assert birth_year_of("19850521") == 1985
    assert birth_year_of("0.0.00") is None
    assert legal_form_of("Groß & Söhne GmbH & Co. KG") == "GmbH & Co. KG"
    assert legal_form_of("Schröder IT-Service UG (haftungsbeschränkt)") == "UG (haftungsbeschränkt)"
    assert legal_form_of("Bäckerei Weiß e.K.") == "e.K."
    assert legal_form_of("Tischlerei Krause") is None
    assert core_name("Müller Metallbau GmbH & Co. KG") == core_name("MUELLER METALLBAU")
    assert core_name("Bäckerei Schulz Inh. Anna Schulz") == "baeckerei schulz"
    assert core_name("Förderverein Kita e.V.") == core_name("Foerderverein Kita")


def test_convert_row() -> None:
    row = convert(
        {
            "person.first_name": "Anna",
            "person.last_name": "Weiß",
            "person.email": "Anna Weiß <anna@example.de>",
            "person.phone": "0345 123456",
            "person.mobile": "0171 1234567",
            "person.gender": "w",
            "person.birth_year": "03.04.1980",
            "organisation.name": "Bäckerei Weiß e.K.",
            "organisation.postcode": "6108",
            "organisation.state": "Sachsen",
            "affiliation.function_title": "Inhaberin",
        }
    )
    assert row.errors == []
    assert row.person == {
        "first_name": "Anna",
        "last_name": "Weiß",
        "email": "anna@example.de",
        "phone": "+49 345 123456",
        "gender": "female",
        "birth_year": 1980,
        "notes": "Mobil: +49 171 1234567",
    }
    assert row.organisation == {
        "name": "Bäckerei Weiß e.K.",
        "legal_form": "e.K.",
        "postcode": "06108",
    }
    assert row.function_title == "Inhaberin"
    # 06108 (Halle) is Sachsen-Anhalt, not Sachsen: a warning; the leading zero: another.
    assert len(row.warnings) == 2


def test_convert_rejects() -> None:
    assert convert({"person.email": "a@b.de"}).errors  # no name at all
    assert convert({"person.last_name": "X", "person.email": "kaputt"}).errors
    assert convert({"person.last_name": "X", "person.postcode": "ABCDE"}).errors
    assert convert({"organisation.name": "X", "organisation.ags": "99999999"}).errors
    # Postcode of Sachsen-Anhalt, AGS of Sachsen: contradiction.
    assert convert(
        {"organisation.name": "X", "organisation.postcode": "06108", "organisation.ags": "14612000"}
    ).errors
    ok = convert({"person.full_name": "Müller, Anna", "person.phone": "12"})
    assert ok.errors == [] and ok.person is not None
    assert (ok.person["first_name"], ok.person["last_name"]) == ("Anna", "Müller")
    assert ok.warnings  # the phone number is kept as given, with a warning
