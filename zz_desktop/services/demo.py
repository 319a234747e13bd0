"""Realistic, reproducible demo data for a profile (``zz-desktop demo``, benchmarks, screenshots).

This module owns :func:`generate_demo`, its phrase banks and the place list it draws addresses
from (``resources/codelists/demo_places.csv``: real municipalities of the eastern Länder with
postcode, 8-digit AGS and telephone area code).

Everything is derived from ``seed`` and ``reference_date`` — never from the clock — so two runs
with the same arguments into two fresh profiles write identical synced rows, ids included. The
rows go in through :func:`zz_desktop.store.bulk.insert_new` (outbox and search index as for any
write) in transactions of about :data:`BATCH` objects; their audit entries are made here, with
deterministic ids and times, instead of by ``insert_new`` (which would stamp the wall clock).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import random
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from faker import Faker
from sqlalchemy import select

from zz_desktop.domain import codelists, roles
from zz_desktop.domain.sme import classify_sme_band
from zz_desktop.paths import resource_path
from zz_desktop.store.base import Synced
from zz_desktop.store.bulk import insert_new
from zz_desktop.store.capture import Actor
from zz_desktop.store.database import Store
from zz_desktop.store.ids import uuid7
from zz_desktop.store.models import (
    Affiliation,
    AppUser,
    AuditEntry,
    Centre,
    Consent,
    Consultation,
    ConsultationParticipant,
    Event,
    FollowUp,
    Organisation,
    Participation,
    Person,
    SelfEmployedProfile,
    Topic,
)

Progress = Callable[[str, int, int], None]
T = TypeVar("T")

#: Objects per write transaction (plus one audit entry each).
BATCH = 5000
_EPOCH = dt.datetime(1970, 1, 1)
_MS = dt.timedelta(milliseconds=1)
#: Parents before children inside one transaction (foreign keys are enforced immediately).
_RANK: dict[type, int] = {
    Organisation: 0,
    Person: 1,
    Affiliation: 2,
    SelfEmployedProfile: 2,
    Consent: 2,
    Consultation: 3,
    ConsultationParticipant: 4,
    FollowUp: 4,
    Event: 5,
    Participation: 6,
    AuditEntry: 9,
}


@dataclass
class DemoSummary:
    """How many rows of each kind :func:`generate_demo` wrote."""

    organisations: int = 0
    persons: int = 0
    affiliations: int = 0
    selfemployed_profiles: int = 0
    consultations: int = 0
    participants: int = 0
    followups: int = 0
    events: int = 0
    participations: int = 0
    consents: int = 0
    audit_entries: int = 0
    users_created: int = 0
    centre_created: bool = False


# ------------------------------------------------------------------------------ static data


@dataclass(frozen=True)
class Place:
    city: str
    postcode: str
    ags: str
    area_code: str

    @property
    def land(self) -> str:
        return self.ags[:2]


@cache
def places() -> tuple[Place, ...]:
    """The shipped demo municipalities (city, postcode, AGS, area code)."""
    with resource_path("codelists", "demo_places.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            Place(r["city"], r["postcode"], r["ags8"], r["area_code"]) for r in csv.DictReader(fh)
        )


@dataclass(frozen=True)
class Sector:
    wz2025: str
    wz2008: str
    weight: int
    label: str
    names: tuple[str, ...]
    #: Typical size: "micro" leaning crafts and services, "mixed" for industry and care.
    size: str
    care: bool = False


SECTORS: tuple[Sector, ...] = (
    Sector(
        "43.32",
        "43.32",
        6,
        "Tischlerhandwerk",
        ("Tischlerei", "Bautischlerei", "Möbelwerkstatt"),
        "micro",
    ),
    Sector(
        "43.21",
        "43.21",
        6,
        "Elektrohandwerk",
        ("Elektro", "Elektrotechnik", "Elektroinstallation"),
        "micro",
    ),
    Sector(
        "43.22",
        "43.22",
        5,
        "Sanitär-, Heizungs- und Klimatechnik",
        ("Haustechnik", "Heizung und Sanitär", "Sanitär- und Heizungsbau"),
        "micro",
    ),
    Sector(
        "43.34",
        "43.34",
        3,
        "Maler- und Lackiererhandwerk",
        ("Malerbetrieb", "Maler- und Lackierbetrieb"),
        "micro",
    ),
    Sector(
        "43.41",
        "43.91",
        3,
        "Dachdecker- und Zimmererhandwerk",
        ("Dachdeckerei", "Zimmerei", "Holzbau"),
        "micro",
    ),
    Sector("41.00", "41.20", 4, "Bauhauptgewerbe", ("Bau", "Hochbau", "Bauunternehmen"), "mixed"),
    Sector("25.11", "25.11", 5, "Metallbau", ("Metallbau", "Stahlbau", "Schlosserei"), "mixed"),
    Sector(
        "25.53",
        "25.62",
        3,
        "Metallbearbeitung",
        ("Präzisionstechnik", "CNC-Technik", "Mechanische Werkstätten"),
        "mixed",
    ),
    Sector(
        "28.41",
        "28.41",
        3,
        "Maschinenbau",
        ("Maschinenbau", "Sondermaschinenbau", "Anlagenbau"),
        "mixed",
    ),
    Sector(
        "33.12", "33.12", 2, "Instandhaltung", ("Industrieservice", "Maschinenservice"), "mixed"
    ),
    Sector(
        "22.26",
        "22.29",
        2,
        "Kunststoffverarbeitung",
        ("Kunststofftechnik", "Kunststoffverarbeitung"),
        "mixed",
    ),
    Sector("18.12", "18.12", 2, "Druckgewerbe", ("Druckerei", "Druckhaus"), "micro"),
    Sector(
        "10.71",
        "10.71",
        4,
        "Bäckerhandwerk",
        ("Bäckerei", "Landbäckerei", "Bäckerei und Konditorei"),
        "micro",
    ),
    Sector("10.13", "10.13", 2, "Fleischerhandwerk", ("Fleischerei", "Landfleischerei"), "micro"),
    Sector(
        "95.31", "45.20", 4, "Kfz-Handwerk", ("Autohaus", "Kfz-Werkstatt", "Autoservice"), "micro"
    ),
    Sector(
        "62.10",
        "62.01",
        5,
        "Softwareentwicklung",
        ("Softwarehaus", "Softwareentwicklung", "IT-Systemhaus"),
        "micro",
    ),
    Sector(
        "62.20", "62.02", 3, "IT-Beratung", ("IT-Beratung", "IT-Service", "Datenservice"), "micro"
    ),
    Sector(
        "88.10",
        "88.10",
        5,
        "ambulante Pflege",
        ("Pflegedienst", "Ambulanter Pflegedienst", "Sozialstation"),
        "mixed",
        True,
    ),
    Sector(
        "87.10",
        "87.10",
        3,
        "stationäre Pflege",
        ("Pflegeheim", "Seniorenresidenz", "Pflegezentrum"),
        "mixed",
        True,
    ),
    Sector(
        "86.95",
        "86.90",
        2,
        "Physiotherapie",
        ("Physiotherapie", "Praxis für Physiotherapie"),
        "micro",
    ),
    Sector(
        "47.11",
        "47.11",
        2,
        "Lebensmitteleinzelhandel",
        ("Frischemarkt", "Landmarkt", "Naturkost"),
        "micro",
    ),
    Sector(
        "47.52",
        "47.52",
        2,
        "Baustoff- und Heimwerkerhandel",
        ("Baustoffhandel", "Eisenwaren", "Farben und Heimwerkerbedarf"),
        "micro",
    ),
    Sector("47.71", "47.71", 2, "Textileinzelhandel", ("Modehaus", "Mode und Textil"), "micro"),
    Sector("49.41", "49.41", 4, "Güterverkehr", ("Spedition", "Transporte", "Logistik"), "mixed"),
    Sector("52.10", "52.10", 2, "Lagerei", ("Lagerlogistik", "Logistikzentrum"), "mixed"),
    Sector("55.10", "55.10", 3, "Hotellerie", ("Hotel", "Landhotel", "Pension"), "micro"),
    Sector("56.11", "56.10", 3, "Gastronomie", ("Gasthaus", "Restaurant", "Café"), "micro"),
    Sector("69.20", "69.20", 2, "Steuerberatung", ("Steuerberatung", "Steuerkanzlei"), "micro"),
    Sector(
        "71.12", "71.12", 3, "Ingenieurdienstleistungen", ("Ingenieurbüro", "Planungsbüro"), "micro"
    ),
    Sector("73.11", "73.11", 2, "Werbung", ("Werbeagentur", "Medienagentur"), "micro"),
    Sector("96.21", "96.02", 2, "Friseurhandwerk", ("Friseursalon", "Haarstudio"), "micro"),
)

#: Fantasy words for names like "Pflegedienst Sonnenschein" or "Elbtal Logistik".
FANTASY = (
    "Sonnenschein",
    "Lindenhof",
    "Elbtal",
    "Saaletal",
    "Harzblick",
    "Bördeland",
    "Altmark",
    "Unstrut",
    "Mulde",
    "Havelland",
    "Spreewald",
    "Ostsee",
    "Erzgebirge",
    "Lausitz",
    "Vogtland",
    "Thüringer Wald",
    "Am Park",
    "Rosengarten",
    "Mitteldeutsche",
    "Anhaltische",
    "Lebensfreude",
)
FANTASY_PREFIX_SECTORS = {"88.10", "87.10", "49.41", "52.10", "55.10", "56.11", "47.11"}

STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Lindenstraße",
    "Am Markt",
    "Breiter Weg",
    "Leipziger Straße",
    "Magdeburger Straße",
    "Friedrich-Ebert-Straße",
    "Karl-Liebknecht-Straße",
    "Industriestraße",
    "Gartenstraße",
    "Schulstraße",
    "Dorfstraße",
    "Rosa-Luxemburg-Straße",
    "August-Bebel-Straße",
    "Am Gewerbepark",
    "Zur Mühle",
    "Feldstraße",
    "Thomas-Müntzer-Straße",
    "Goethestraße",
    "Schillerstraße",
    "Mittelstraße",
    "Pestalozzistraße",
    "Straße der Einheit",
    "Gewerbering",
    "Otto-von-Guericke-Straße",
    "Robert-Koch-Straße",
    "Händelstraße",
    "Ernst-Thälmann-Straße",
    "Wilhelm-Külz-Straße",
    "Merseburger Straße",
    "Dessauer Straße",
    "Halberstädter Straße",
    "Am Sportplatz",
    "Kirchstraße",
    "Waldweg",
    "Am Bahnhof",
    "Neue Straße",
    "Chemnitzer Straße",
)

#: Free tags; "Handwerk", "Industrie", "Pflege" and "Betriebsrat aktiv" follow from the data.
TAGS = (
    "KI-Pilot",
    "Newsletter",
    "Netzwerk Digitalisierung",
    "Fachkräftesicherung",
    "Ländlicher Raum",
    "Familienunternehmen",
    "Unternehmensnachfolge",
    "Transferprojekt",
    "Lernfabrik",
    "Tarifbindung",
)

#: (language, female first names, male first names, last names) of people with roots abroad.
FOREIGN_NAMES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "tr",
        ("Ayşe", "Elif", "Zeynep", "Fatma", "Emine"),
        ("Mehmet", "Mustafa", "Emre", "Hüseyin", "Can"),
        ("Yılmaz", "Demir", "Kaya", "Şahin", "Öztürk", "Çelik", "Aydın"),
    ),
    (
        "pl",
        ("Katarzyna", "Agnieszka", "Małgorzata", "Joanna"),
        ("Piotr", "Tomasz", "Krzysztof", "Paweł"),
        ("Nowak", "Wiśniewski", "Kowalczyk", "Wójcik", "Zieliński", "Dąbrowski"),
    ),
    (
        "vi",
        ("Thị Lan", "Thị Hoa", "Thu Trang", "Ngọc Anh"),
        ("Văn Minh", "Đức Anh", "Quang Huy", "Văn Hùng"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"),
    ),
    (
        "uk",
        ("Olena", "Iryna", "Natalija", "Oksana"),
        ("Oleksandr", "Andrij", "Serhij", "Dmytro"),
        ("Kovalenko", "Bondarenko", "Shevchenko", "Tkachenko", "Melnyk"),
    ),
    (
        "ar",
        ("Fatima", "Amal", "Rania", "Layla"),
        ("Ahmad", "Omar", "Khaled", "Yusuf"),
        ("Al-Hassan", "Haddad", "Khalil", "Mansour", "Darwish"),
    ),
)

SELFEMPLOYED_OCCUPATIONS: tuple[tuple[str, str, str], ...] = (
    ("Grafikdesign", "74.12", "74.10"),
    ("Übersetzen und Dolmetschen", "74.30", "74.30"),
    ("Fotografie", "74.20", "74.20"),
    ("Softwareentwicklung (freiberuflich)", "62.10", "62.01"),
    ("IT-Beratung (freiberuflich)", "62.20", "62.02"),
    ("Journalismus und Text", "90.11", "90.03"),
    ("Dozentur in der Erwachsenenbildung", "85.59", "85.59"),
    ("Musik und Bühne", "90.20", "90.01"),
    ("Kurierfahrten über eine Plattform", "53.20", "53.20"),
    ("Reinigung über eine Vermittlungsplattform", "81.21", "81.21"),
    ("Pflege und Betreuung (selbstständig)", "86.94", "86.90"),
    ("Physiotherapie (selbstständig)", "86.95", "86.90"),
    ("Unternehmensberatung", "70.20", "70.22"),
    ("Film und Kamera", "59.11", "59.11"),
    ("Texte und Werbung", "73.11", "73.11"),
    ("Yoga- und Gesundheitskurse", "85.51", "85.51"),
)
PLATFORM_OCCUPATIONS = {
    "Kurierfahrten über eine Plattform",
    "Reinigung über eine Vermittlungsplattform",
}

MANAGEMENT_TITLES_F = (
    "Geschäftsführerin",
    "Inhaberin",
    "Geschäftsführende Gesellschafterin",
    "Betriebsleiterin",
)
MANAGEMENT_TITLES_M = (
    "Geschäftsführer",
    "Inhaber",
    "Geschäftsführender Gesellschafter",
    "Betriebsleiter",
)
WORKS_COUNCIL_TITLES_F = (
    "Betriebsratsvorsitzende",
    "Betriebsrätin",
    "Stellv. Betriebsratsvorsitzende",
)
WORKS_COUNCIL_TITLES_M = (
    "Betriebsratsvorsitzender",
    "Betriebsrat",
    "Stellv. Betriebsratsvorsitzender",
)
EMPLOYEE_TITLES_F = (
    "Personalleiterin",
    "Leiterin Verwaltung",
    "IT-Koordinatorin",
    "Pflegedienstleiterin",
    "Meisterin",
    "Projektleiterin Digitalisierung",
    "Assistentin der Geschäftsführung",
)
EMPLOYEE_TITLES_M = (
    "Personalleiter",
    "Leiter Verwaltung",
    "IT-Verantwortlicher",
    "Werkstattleiter",
    "Meister",
    "Projektleiter Digitalisierung",
    "Produktionsleiter",
)

REFERRALS: tuple[tuple[str, str], ...] = (
    ("Mittelstand-Digital Zentrum", "Vertiefende Umsetzungsbegleitung zur Prozessdigitalisierung."),
    (
        "Agentur für Arbeit – Arbeitgeberservice",
        "Förderung der Weiterbildung Beschäftigter nach dem Qualifizierungschancengesetz.",
    ),
    (
        "Industrie- und Handelskammer – Innovationsberatung",
        "Fragen zu Schutzrechten und Innovationsförderung.",
    ),
    (
        "Handwerkskammer – Digitalisierungsberatung",
        "Branchenspezifische Beratung zu Handwerkssoftware.",
    ),
    (
        "Investitionsbank des Landes – Förderberatung",
        "Prüfung eines Zuschusses für Investitionen in digitale Technik.",
    ),
    (
        "Landesbeauftragte für den Datenschutz",
        "Klärung einer datenschutzrechtlichen Einzelfrage zur Beschäftigtendatenverarbeitung.",
    ),
    (
        "Deutsche Rentenversicherung – Auskunft und Beratung",
        "Klärung der Rentenversicherungspflicht als Selbstständige.",
    ),
    ("Künstlersozialkasse", "Prüfung der Versicherungspflicht nach dem KSVG."),
    ("ver.di Selbstständigen-Beratung", "Vertiefende Beratung zu Honorarverträgen."),
    (
        "Berufsgenossenschaft – Präventionsberatung",
        "Gefährdungsbeurteilung psychischer Belastungen.",
    ),
)

EVENT_TITLES: dict[str, tuple[str, ...]] = {
    "workshop": (
        "Workshop: KI im Arbeitsalltag – erste Schritte",
        "Workshop: Digitale Auftragsabwicklung im Handwerk",
        "Workshop: Mobiles Arbeiten gut gestalten",
        "Workshop: Datenschutz in der Praxis",
    ),
    "seminar": (
        "Seminar: Führen auf Distanz",
        "Seminar: Gesund arbeiten am Bildschirm",
        "Seminar: Beschäftigtendatenschutz für Betriebsräte",
    ),
    "qualification": (
        "Qualifizierung: Digitalbeauftragte im Betrieb",
        "Qualifizierung: Prozessmanagement kompakt",
        "Qualifizierung: KI-Kompetenz nach der KI-Verordnung",
    ),
    "experimentation_lab": (
        "Experimentierraum: Sprachassistenz in der Pflege",
        "Lernfabrik: Sensorik und Datenerfassung",
        "Experimentierraum: Generative KI im Büro",
    ),
    "information_event": (
        "Infoveranstaltung: Förderprogramme für die Digitalisierung",
        "Infoabend: Fachkräfte finden und binden",
        "Infoveranstaltung: Die KI-Verordnung für KMU",
    ),
    "network_meeting": (
        "Netzwerktreffen Digitalisierung im Mittelstand",
        "Netzwerktreffen Betriebsräte und Digitalisierung",
        "Stammtisch Solo-Selbstständige",
    ),
}
EVENT_TYPE_WEIGHTS = {
    "workshop": 30,
    "seminar": 15,
    "qualification": 10,
    "experimentation_lab": 10,
    "information_event": 20,
    "network_meeting": 15,
}

FOLLOWUP_TEXTS = (
    "Protokoll zur Freigabe an das Unternehmen senden",
    "Nachfassen: Angebot für die Schulung der Beschäftigten",
    "Unterlagen zum Förderprogramm zusenden",
    "Termin für die Vertiefungsberatung abstimmen",
    "Rückmeldung zum Entwurf der Betriebsvereinbarung einholen",
    "Ergebnisse der Prozessaufnahme aufbereiten",
    "Teilnahmebogen ESF (Teil 1) vervollständigen lassen",
    "Kontakt zur Handwerkskammer herstellen",
    "Stand der Softwareauswahl erfragen",
    "Einladung zum Netzwerktreffen schicken",
)

# ------------------------------------------------------------------------------ phrase banks
# Sentences are composed per consultation. Placeholders: {company}, {city}, {employees},
# {sector}, {tool}, {weeks}, {count}, {occupation}, {client}.

TOOLS = (
    "einer Branchensoftware",
    "Microsoft 365",
    "einem ERP-System",
    "einer Zeiterfassungs-App",
    "einem Ticketsystem",
    "einer Cloud-Ablage",
    "einem Dokumentenmanagementsystem",
    "einer Tourenplanungssoftware",
    "einem Pflegedokumentationssystem",
    "einem Warenwirtschaftssystem",
)

SITUATION_GENERIC = (
    "{company} ist ein Betrieb der Branche {sector} in {city} mit {employees} Beschäftigten.",
    "Der Kontakt kam über eine Veranstaltung des Zukunftszentrums zustande.",
    "Die Geschäftsführung möchte die Arbeitsabläufe im Betrieb modernisieren, ohne die Belegschaft zu überfordern.",
    "Der Betrieb ist in den letzten Jahren gewachsen; viele Abläufe sind noch auf Papier organisiert.",
    "Mehrere langjährige Beschäftigte gehen in den nächsten Jahren in Rente, ihr Wissen ist kaum dokumentiert.",
    "Im Betrieb wird seit einiger Zeit mit {tool} gearbeitet, die Nutzung ist aber uneinheitlich.",
    "Das Unternehmen hat bereits erste Erfahrungen mit digitalen Werkzeugen gesammelt und sucht nun Orientierung.",
    "Die Auftragslage ist gut, für Veränderungsprojekte fehlt im Alltag jedoch die Zeit.",
)
FINDINGS_GENERIC = (
    "Im Gespräch wurde deutlich, dass die Beschäftigten früh beteiligt werden wollen.",
    "Die Führungskräfte sehen den größten Handlungsbedarf bei der Kommunikation zwischen Büro und Baustelle bzw. Station.",
    "Es gibt im Betrieb engagierte Personen, die als Multiplikatorinnen und Multiplikatoren gewonnen werden können.",
    "Die vorhandene IT-Ausstattung ist grundsätzlich ausreichend, wird aber nicht systematisch gepflegt.",
    "Ein schrittweises Vorgehen mit einem kleinen Pilotbereich erscheint realistisch.",
    "Zuständigkeiten für Digitalisierungsthemen sind bislang nicht geregelt.",
)
AGREEMENTS = (
    "Das Zukunftszentrum sendet bis Ende nächster Woche eine Zusammenfassung mit Materialien.",
    "Die Geschäftsführung bespricht die Ergebnisse mit den Führungskräften und meldet sich in {weeks} Wochen.",
    "Ein Folgetermin vor Ort mit Beteiligung des Betriebsrats wird vereinbart.",
    "Der Betrieb benennt eine verantwortliche Person für das Digitalisierungsvorhaben.",
    "Zwei Beschäftigte nehmen am nächsten Workshop des Zukunftszentrums teil.",
    "Das Unternehmen stellt die vorhandenen Prozessbeschreibungen vorab zur Verfügung.",
    "Gemeinsam wird ein Fahrplan mit {count} Arbeitsschritten erstellt.",
    "Die nächste Beratung findet als Videokonferenz statt.",
)
AGREEMENTS_SOLO = (
    "{client} stellt die Verträge und Rechnungen der letzten zwölf Monate zusammen.",
    "Das Zukunftszentrum sendet Informationsmaterial und Links per E-Mail.",
    "Ein Folgetermin in {weeks} Wochen wird vereinbart.",
    "{client} meldet sich nach dem Gespräch mit dem Auftraggeber.",
    "Teilnahme am nächsten Stammtisch Solo-Selbstständige ist geplant.",
)
RECOMMENDATIONS_GENERIC = (
    "Wir empfehlen, mit einem überschaubaren Pilotprojekt zu beginnen und die Erfahrungen auszuwerten.",
    "Die Beschäftigten sollten frühzeitig informiert und an der Auswahl der Lösungen beteiligt werden.",
    "Es empfiehlt sich, Qualifizierungsbedarfe systematisch zu erheben, bevor neue Werkzeuge eingeführt werden.",
    "Fördermöglichkeiten sollten vor einer Investitionsentscheidung geprüft werden.",
)

TOPIC_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "digital_work_organisation": (
        (
            "Aufträge, Arbeitszeiten und Materialbedarfe werden bisher auf Zetteln und per Telefon abgestimmt.",
            "Die Einsatzplanung erfolgt in einer Tabelle, die nur eine Person pflegen kann.",
        ),
        (
            "Die Einsatzplanung ist stark personenabhängig; bei Krankheit entstehen Engpässe.",
            "Doppelte Datenerfassung kostet nach Schätzung der Geschäftsführung mehrere Stunden pro Woche.",
        ),
        (
            "Eine gemeinsame digitale Auftragsübersicht würde die Abstimmung deutlich erleichtern.",
            "Arbeitsabläufe sollten vor der Softwareauswahl gemeinsam mit den Beschäftigten beschrieben werden.",
        ),
    ),
    "ai_at_work": (
        (
            "Die Geschäftsführung möchte wissen, wo KI-Werkzeuge im Betrieb sinnvoll eingesetzt werden können.",
            "Einzelne Beschäftigte nutzen bereits generative KI für Texte, ohne dass es dazu Regeln gibt.",
        ),
        (
            "Potenziale bestehen vor allem bei Angebotserstellung, Dokumentation und Kundenkorrespondenz.",
            "Zu den Pflichten aus der KI-Verordnung, insbesondere zur KI-Kompetenz, besteht Unsicherheit.",
        ),
        (
            "Wir empfehlen eine interne Leitlinie zur Nutzung von KI-Werkzeugen mit klaren Regeln zu Daten.",
            "Ein kurzer Einführungsworkshop für alle Beschäftigten schafft die nötige KI-Kompetenz.",
        ),
    ),
    "qualification_training": (
        (
            "Die digitalen Kompetenzen der Belegschaft sind sehr unterschiedlich.",
            "Weiterbildung findet bislang nur anlassbezogen statt.",
        ),
        (
            "Ein Teil der Beschäftigten hat Sorge, mit neuen Systemen nicht zurechtzukommen.",
            "Es fehlt ein Überblick über vorhandene Qualifikationen und künftige Anforderungen.",
        ),
        (
            "Eine einfache Qualifizierungsmatrix hilft, Bedarfe sichtbar zu machen.",
            "Lernen im Arbeitsprozess, etwa durch Tandems, sollte ergänzend zu Kursen genutzt werden.",
        ),
    ),
    "data_protection_it_security": (
        (
            "Nach einem Phishing-Vorfall bei einem Geschäftspartner möchte der Betrieb seine IT-Sicherheit prüfen.",
            "Es ist unklar, welche Beschäftigtendaten in welchen Systemen gespeichert werden.",
        ),
        (
            "Datensicherungen werden unregelmäßig und ohne Wiederherstellungstest durchgeführt.",
            "Passwörter werden teilweise gemeinsam genutzt.",
        ),
        (
            "Wir empfehlen eine Zwei-Faktor-Anmeldung für alle Konten mit Zugriff auf Kundendaten.",
            "Ein Verzeichnis der Verarbeitungstätigkeiten sollte angelegt und jährlich aktualisiert werden.",
        ),
    ),
    "mobile_hybrid_work": (
        (
            "In der Verwaltung wird seit der Pandemie teilweise mobil gearbeitet, ohne feste Regeln.",
            "Beschäftigte in der Produktion empfinden die Regelungen zum mobilen Arbeiten als ungerecht.",
        ),
        (
            "Erreichbarkeit und Arbeitszeiterfassung im Homeoffice sind nicht geregelt.",
            "Besprechungen mit Teilnehmenden vor Ort und online funktionieren technisch schlecht.",
        ),
        (
            "Eine Vereinbarung zum mobilen Arbeiten sollte Erreichbarkeit, Ausstattung und Arbeitsschutz regeln.",
            "Für Bereiche ohne mobile Arbeit sollten andere Formen der Flexibilität geprüft werden.",
        ),
    ),
    "process_digitalisation": (
        (
            "Angebote, Rechnungen und Lieferscheine werden in getrennten Programmen erstellt.",
            "Die Zeiterfassung erfolgt auf Stundenzetteln, die im Büro abgetippt werden.",
        ),
        (
            "Medienbrüche zwischen Büro und Außendienst führen zu Fehlern und Nacharbeit.",
            "Die vorhandene Software kann mehr, als derzeit genutzt wird.",
        ),
        (
            "Wir empfehlen, zunächst den Prozess vom Auftrag bis zur Rechnung durchgängig zu digitalisieren.",
            "Vor einer Neuanschaffung sollten die Funktionen der vorhandenen Software geprüft werden.",
        ),
    ),
    "participation_codetermination": (
        (
            "Der Betriebsrat möchte bei der Einführung einer neuen Software frühzeitig beteiligt werden.",
            "Die Geschäftsführung sucht Wege, die Beschäftigten stärker in Veränderungen einzubeziehen.",
        ),
        (
            "Die Mitbestimmungsrechte nach § 87 Abs. 1 Nr. 6 BetrVG sind berührt, da das System Leistungsdaten erfassen kann.",
            "Beteiligung fand bisher vor allem in Form von Information statt.",
        ),
        (
            "Eine Rahmenbetriebsvereinbarung zu IT-Systemen kann künftige Einführungen vereinfachen.",
            "Wir empfehlen einen gemeinsamen Steuerkreis aus Geschäftsführung, Betriebsrat und Beschäftigten.",
        ),
    ),
    "health_safety_digital_work": (
        (
            "Die Beschäftigten klagen über zunehmende Arbeitsverdichtung und ständige Erreichbarkeit.",
            "Die Gefährdungsbeurteilung berücksichtigt psychische Belastungen bisher nicht.",
        ),
        (
            "Viele Bildschirmarbeitsplätze sind ergonomisch nicht eingerichtet.",
            "Unterbrechungen durch E-Mails und Chatnachrichten erschweren konzentriertes Arbeiten.",
        ),
        (
            "Die Gefährdungsbeurteilung sollte um psychische Belastungen bei digitaler Arbeit ergänzt werden.",
            "Teamregeln zu Erreichbarkeit und Kommunikationskanälen können entlasten.",
        ),
    ),
    "skilled_labour_retention": (
        (
            "Offene Stellen können seit Monaten nicht besetzt werden.",
            "Der Betrieb bildet aus, verliert aber viele Fachkräfte nach der Ausbildung.",
        ),
        (
            "Als Gründe für Kündigungen werden Arbeitszeiten und fehlende Entwicklungsmöglichkeiten genannt.",
            "Die Arbeitgebermarke ist in der Region wenig bekannt.",
        ),
        (
            "Wir empfehlen, Gespräche mit ausscheidenden Beschäftigten systematisch auszuwerten.",
            "Flexible Arbeitszeitmodelle und Entwicklungsperspektiven sollten sichtbar kommuniziert werden.",
        ),
    ),
    "leadership_communication": (
        (
            "Die Führungskräfte sind fachlich stark, haben aber wenig Erfahrung mit Veränderungsprozessen.",
            "Informationen erreichen nicht alle Beschäftigten, insbesondere nicht die Schichten.",
        ),
        (
            "Entscheidungen werden als wenig nachvollziehbar wahrgenommen.",
            "Regelmäßige Teambesprechungen finden nur in einzelnen Abteilungen statt.",
        ),
        (
            "Kurze, regelmäßige Teamrunden mit festen Themen verbessern den Informationsfluss.",
            "Eine Qualifizierung der Führungskräfte zu Führen im Wandel wird empfohlen.",
        ),
    ),
    "sustainability": (
        (
            "Großkunden fragen zunehmend nach Nachhaltigkeitsberichten und CO₂-Bilanzen.",
            "Der Betrieb möchte Energie- und Materialverbräuche transparenter machen.",
        ),
        (
            "Verbrauchsdaten liegen nur aus Rechnungen vor, nicht im laufenden Betrieb.",
            "Nachhaltigkeit wird bislang nicht mit der Digitalisierung verknüpft gedacht.",
        ),
        (
            "Eine einfache digitale Erfassung der Energieverbräuche schafft eine Grundlage für Maßnahmen.",
            "Beschäftigte sollten Ideen zur Ressourceneinsparung einbringen können.",
        ),
    ),
    "funding_programmes": (
        (
            "Das Unternehmen möchte in neue Software investieren und fragt nach Fördermöglichkeiten.",
            "Ein früherer Förderantrag scheiterte an formalen Anforderungen.",
        ),
        (
            "Für das Vorhaben kommen mehrere Landes- und Bundesprogramme in Betracht.",
            "Die Eigenmittel für die Kofinanzierung sind begrenzt.",
        ),
        (
            "Wir empfehlen, vor Auftragsvergabe die Förderfähigkeit verbindlich zu klären.",
            "Die Weiterbildung der Beschäftigten kann über die Agentur für Arbeit gefördert werden.",
        ),
    ),
    "fees_remuneration": (
        (
            "{client} arbeitet im Bereich {occupation}; die Honorare sind bisher nicht kalkuliert.",
            "Ein Auftraggeber hat die Honorare einseitig gesenkt.",
        ),
        (
            "Die aktuellen Honorare decken Sozialversicherung, Urlaub und Krankheit nicht ab.",
            "Vertragsklauseln zu Nutzungsrechten sind sehr weitgehend.",
        ),
        (
            "Eine Kalkulation mit allen Kosten und unbezahlten Zeiten sollte Grundlage künftiger Angebote sein.",
            "Honorarempfehlungen von Berufsverbänden können als Orientierung dienen.",
        ),
    ),
    "social_security": (
        (
            "Es bestehen Unsicherheiten zur Kranken- und Rentenversicherung als Selbstständige bzw. Selbstständiger.",
            "Die Beiträge zur Krankenversicherung belasten das schwankende Einkommen stark.",
        ),
        (
            "Eine Rentenversicherungspflicht als Lehrende oder arbeitnehmerähnliche Selbstständige ist möglich.",
            "Eine Absicherung gegen Arbeitslosigkeit besteht bisher nicht.",
        ),
        (
            "Wir empfehlen eine Statusklärung bei der Deutschen Rentenversicherung.",
            "Die freiwillige Arbeitslosenversicherung sollte fristgerecht geprüft werden.",
        ),
    ),
    "working_conditions": (
        (
            "Die Arbeitszeiten sind durch kurzfristige Aufträge kaum planbar.",
            "{client} arbeitet überwiegend für einen einzigen Auftraggeber.",
        ),
        (
            "Es gibt Hinweise auf Scheinselbstständigkeit.",
            "Pausen und Erholungszeiten kommen regelmäßig zu kurz.",
        ),
        (
            "Eine Streuung der Auftraggeber verringert die Abhängigkeit.",
            "Feste Bürozeiten und Reaktionsfristen sollten mit den Auftraggebern vereinbart werden.",
        ),
    ),
    "interest_group_founding": (
        (
            "Mehrere Selbstständige der Branche wollen sich zusammenschließen.",
            "Es besteht Interesse an einem gemeinsamen Auftritt gegenüber Auftraggebern.",
        ),
        (
            "Rechtsform und Finanzierung einer Interessenvertretung sind noch offen.",
            "Bestehende Verbände decken die Anliegen nur teilweise ab.",
        ),
        (
            "Wir empfehlen ein Gründungstreffen mit Unterstützung einer bestehenden Gewerkschaft oder eines Verbands.",
            "Eine einfache Satzung und klare Ziele erleichtern den Start.",
        ),
    ),
    "self_regulation": (
        (
            "Die Ratsuchenden möchten gemeinsame Standards für faire Aufträge entwickeln.",
            "Es gibt Interesse an einem Verhaltenskodex für Plattformen der Branche.",
        ),
        (
            "Unverbindliche Selbstverpflichtungen haben bisher wenig Wirkung gezeigt.",
            "Mindesthonorare sind kartellrechtlich zu prüfen.",
        ),
        (
            "Ein gemeinsamer Kodex sollte mit Auftraggebern abgestimmt und regelmäßig überprüft werden.",
            "Transparente Beschwerdewege erhöhen die Verbindlichkeit.",
        ),
    ),
    "platform_work": (
        (
            "Die Aufträge werden überwiegend über eine Online-Plattform vermittelt.",
            "Die Bewertung durch Kundinnen und Kunden bestimmt, wie viele Aufträge angeboten werden.",
        ),
        (
            "Die Kriterien der Auftragsvergabe durch den Algorithmus sind nicht nachvollziehbar.",
            "Nach einer Kontosperrung gab es keine Möglichkeit zur Stellungnahme.",
        ),
        (
            "Wir empfehlen, Auskunft über die Bewertungskriterien nach der Plattformarbeitsrichtlinie zu verlangen.",
            "Arbeitszeiten und Einnahmen sollten selbst dokumentiert werden.",
        ),
    ),
    "ombuds_case": (
        (
            "{client} wendet sich wegen eines Konflikts mit einem Auftraggeber an die Ombudsstelle.",
            "Ein Honorar ist seit mehreren Monaten offen.",
        ),
        (
            "Der Auftraggeber bestreitet die Abnahme der Leistung.",
            "Die Vertragsbedingungen wurden nachträglich geändert.",
        ),
        (
            "Die Ombudsstelle schlägt ein Vermittlungsgespräch mit beiden Seiten vor.",
            "Bis zur Klärung sollten alle Nachweise zur Leistungserbringung gesichert werden.",
        ),
    ),
}

KIND_TITLES = {
    "signposting": ("Erstgespräch", "Orientierungsberatung", "Kurzberatung"),
    "in_depth": ("Vertiefungsberatung", "Prozessbegleitung", "Workshop im Betrieb"),
    "follow_up": ("Folgegespräch", "Nachgespräch", "Zwischenbilanz"),
    "ombuds": ("Ombudsfall", "Ombudsberatung"),
}
MODE_PLACES = {"phone": "Telefon", "video": "Videokonferenz"}

# ------------------------------------------------------------------------------ identity


@dataclass(frozen=True)
class CentreSpec:
    code: str
    name: str
    state: str
    address: str
    users: tuple[tuple[str, str, str, str], ...]  # username, display name, role, partner


CENTRES: dict[str, CentreSpec] = {
    "regional": CentreSpec(
        "ZZ-ST",
        "Regionales Zukunftszentrum Sachsen-Anhalt",
        "15",
        "Regionales Zukunftszentrum Sachsen-Anhalt\nGroße Steinstraße 12\n06108 Halle (Saale)",
        (
            ("kvogel", "Katrin Vogel", "advisor", "Hochschule Harz"),
            ("tbrandt", "Thomas Brandt", "advisor", "Handwerkskammer Halle (Saale)"),
            ("aschulze", "Anja Schulze", "advisor", "Otto-von-Guericke-Universität Magdeburg"),
            ("mhoffmann", "Martin Hoffmann", "advisor", "Arbeit und Leben Sachsen-Anhalt"),
            ("sneumann", "Dr. Susanne Neumann", "manager", "Hochschule Harz"),
        ),
    ),
    "self_employed": CentreSpec(
        "HDS",
        "Haus der Selbstständigen",
        "14",
        "Haus der Selbstständigen\nKarl-Liebknecht-Straße 30\n04107 Leipzig",
        (
            ("jlehmann", "Julia Lehmann", "advisor", "ver.di Bildungswerk"),
            ("fkrueger", "Felix Krüger", "advisor", "Universität Leipzig"),
            ("nyilmaz", "Nur Yılmaz", "advisor", "ver.di Bildungswerk"),
            ("bfischer", "Dr. Birgit Fischer", "manager", "Universität Leipzig"),
        ),
    ),
    "coordination": CentreSpec(
        "ZZ-KO",
        "Koordinierungsstelle Zukunftszentren",
        "11",
        "Koordinierungsstelle Zukunftszentren\nFriedrichstraße 100\n10117 Berlin",
        (
            ("pwagner", "Petra Wagner", "advisor", "Institut für Arbeitsforschung"),
            ("ljung", "Lars Jung", "advisor", "Institut für Arbeitsforschung"),
            ("hmeyer", "Dr. Heike Meyer", "manager", "Institut für Arbeitsforschung"),
        ),
    ),
}

# ------------------------------------------------------------------------------ helpers


def _ms(ts: dt.datetime) -> int:
    return (ts - _EPOCH) // _MS


def _ascii(text: str) -> str:
    """Lower-case ASCII for e-mail addresses and domains ("Müller-Lüdenscheidt" → "mueller-...")."""
    text = text.lower()
    for src, dst in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("ß", "ss"),
        ("ı", "i"),
        ("ł", "l"),
        ("đ", "d"),
    ):
        text = text.replace(src, dst)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in text).strip("-").replace("--", "-")


def _weighted(rng: random.Random, table: Mapping[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


_ROW_CLASSES: dict[type, tuple[type, tuple[tuple[str, Any], ...]]] = {}


def _row_class(model: type[Synced]) -> tuple[type, tuple[tuple[str, Any], ...]]:
    """A slotted plain class shaped like ``model`` and its column defaults: what ``insert_new``
    reads (columns, entity, search spec) without SQLAlchemy's attribute instrumentation, which
    would cost most of the time for hundreds of thousands of demo rows."""
    if model not in _ROW_CLASSES:
        table = model.__table__  # type: ignore[attr-defined]
        cls = type(
            f"Demo{model.__name__}",
            (),
            {
                "__slots__": tuple(c.key for c in table.columns),
                "__table__": table,
                "__entity__": model.__entity__,
                "__search__": model.__search__,
                "model": model,
            },
        )
        # Scalar defaults only; list defaults (tags, topics) are always given explicitly.
        defaults = tuple(
            (c.key, c.default.arg if getattr(c.default, "is_scalar", False) else None)
            for c in table.columns
        )
        _ROW_CLASSES[model] = (cls, defaults)
    return _ROW_CLASSES[model]


def _row(model: type[Synced], **values: Any) -> Any:
    """A new row of ``model`` with every column set (an unknown name raises AttributeError,
    as a typo in a model constructor would)."""
    cls, defaults = _row_class(model)
    row = cls()
    for key, default in defaults:
        setattr(row, key, default)
    for key, value in values.items():
        setattr(row, key, value)
    return row


def _round15(minutes: float) -> int:
    return max(15, int(round(minutes / 15.0)) * 15)


@dataclass
class _Org:
    id: str
    name: str
    city: str
    employees: int | None
    sector: str
    first_contact: dt.date
    works_council: bool
    person_ids: list[str] = field(default_factory=list)


@dataclass
class _Solo:
    id: str
    occupation: str
    city: str
    first_contact: dt.date
    #: How the notes refer to the person ("Die Ratsuchende", "Der Ratsuchende", …).
    client: str


@dataclass
class _Plan:
    """One consultation to be written: who, when, what kind, how long."""

    day: dt.date
    kind: str
    minutes: int
    org: _Org | None = None
    solo: _Solo | None = None
    series_no: int = 0


# ------------------------------------------------------------------------------ writer


class _Writer:
    """Collects objects and writes them in transactions of about :data:`BATCH` rows, each with
    a deterministic audit entry, reporting progress per stage."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        id_rng: random.Random,
        summary: DemoSummary,
        progress: Progress | None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.id_rng = id_rng
        self.summary = summary
        self.progress = progress
        self.buffer: list[Any] = []
        self.stage = ""
        self.done = 0
        self.total = 0

    def start(self, stage: str, total: int) -> None:
        self.stage, self.done, self.total = stage, 0, total
        self._report()

    def add(self, obj: Any) -> None:
        self.buffer.append(obj)

    def step(self, n: int = 1) -> None:
        """Count ``n`` primary records of the stage as done; flush when the batch is full."""
        self.done += n
        if len(self.buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        objects = sorted(self.buffer, key=lambda o: _RANK[o.model])
        self.buffer = []
        audits = [self._audit(o) for o in objects]
        with self.store.write(self.actor) as session:
            insert_new(session, [*objects, *audits], self.actor, audit=False)
        self.summary.audit_entries += len(audits)
        self._report()

    def finish(self) -> None:
        self.flush()
        self.done = self.total
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.stage, min(self.done, self.total), self.total)

    def _audit(self, obj: Any) -> Any:
        at = obj.created_at
        return _row(
            AuditEntry,
            id=uuid7(_ms(at), self.id_rng),
            centre_id=obj.centre_id or self.actor.centre_id,
            created_at=at,
            updated_at=at,
            created_by=obj.created_by,
            updated_by=obj.created_by,
            user_id=obj.created_by,
            at=at,
            action="create",
            entity=obj.__entity__,
            entity_id=obj.id,
            detail=None,
        )


# ------------------------------------------------------------------------------ generator


class _Demo:
    def __init__(
        self,
        store: Store,
        consultations: int,
        seed: int,
        progress: Progress | None,
        centre_kind: str,
        reference_date: dt.date,
    ) -> None:
        self.store = store
        self.n_consultations = consultations
        self.rng = random.Random(seed)
        # Ids come from their own stream so that the data and the ids stay stable independently.
        self.id_rng = random.Random(f"zz-demo-ids-{seed}")
        self.fake = Faker("de_DE")
        self.fake.seed_instance(seed)
        self.centre_kind = centre_kind
        self.today = reference_date
        self.now = dt.datetime.combine(reference_date, dt.time(7, 30))
        self.start = reference_date - dt.timedelta(days=3 * 365)
        self.last_day = reference_date - dt.timedelta(days=3)
        self.progress = progress
        self.summary = DemoSummary()
        self.advisors: list[str] = []
        self.advisor_weights: list[float] = []
        self.home_land = "15"
        self.actor = Actor(None, None)
        self.zz_topics = [t.code for t in codelists.topics("zukunftszentrum")]
        self.se_topics = [t.code for t in codelists.topics("selfemployed")]
        self.topic_labels = {t.code: t.label_de for t in codelists.topics()}

    # -- basics ---------------------------------------------------------------------------

    def new_id(self, ts: dt.datetime) -> str:
        return uuid7(_ms(ts), self.id_rng)

    def moment(self, day: dt.date, earliest: int = 8, latest: int = 17) -> dt.datetime:
        """A working-hours timestamp on ``day`` (whole seconds), never after the reference."""
        seconds = self.rng.randint(earliest * 3600, latest * 3600)
        return min(dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds), self.now)

    def workday_between(self, first: dt.date, last: dt.date) -> dt.date:
        if last < first:
            last = first
        day = first + dt.timedelta(days=self.rng.randint(0, (last - first).days))
        # Weekends move to the Friday before (or the Monday after at the start of the range).
        if day.weekday() >= 5:
            back = day - dt.timedelta(days=day.weekday() - 4)
            day = back if back >= first else day + dt.timedelta(days=7 - day.weekday())
        return day

    def contact_day(self) -> dt.date:
        """First-contact date: spread over the window, more in later years (the programme grew)."""
        span = (self.last_day - dt.timedelta(days=7) - self.start).days
        offset = int(span * (self.rng.random() ** 0.75))
        return self.workday_between(
            self.start + dt.timedelta(days=offset), self.start + dt.timedelta(days=offset)
        )

    def advisor(self) -> str:
        return self.rng.choices(self.advisors, weights=self.advisor_weights)[0]

    def advisor_pair(self) -> list[str]:
        first = self.advisor()
        if len(self.advisors) > 1 and self.rng.random() < 0.15:
            second = self.rng.choice([a for a in self.advisors if a != first])
            return [first, second]
        return [first]

    def stamp(self, obj: T, created: dt.datetime, by: str, updated: dt.datetime | None = None) -> T:
        o: Any = obj
        o.created_at = created
        o.updated_at = updated or created
        o.created_by = by
        o.updated_by = by
        o.centre_id = self.actor.centre_id
        return obj

    def place(self) -> Place:
        return self.rng.choices(self._places, weights=self._place_weights)[0]

    # -- identity -------------------------------------------------------------------------

    def identity(self) -> None:
        centre_id = self.store.get_setting("identity.centre_id")
        user_id = self.store.get_setting("identity.user_id")
        if isinstance(centre_id, str) and isinstance(user_id, str) and centre_id and user_id:
            self._reuse_identity(centre_id, user_id)
        else:
            self._create_identity()
        self._ensure_topics()
        # Most addresses lie in the centre's own Land, the rest elsewhere in the east.
        self._places = list(places())
        self._place_weights = [
            (3.0 if p.ags.endswith("000") else 1.0) * (6.0 if p.land == self.home_land else 0.6)
            for p in self._places
        ]

    def _reuse_identity(self, centre_id: str, user_id: str) -> None:
        with self.store.read() as s:
            users = list(
                s.scalars(
                    select(AppUser)
                    .where(AppUser.centre_id == centre_id)
                    .where(AppUser.role.in_(("advisor", "manager", "coordinator")))
                    .order_by(AppUser.id)
                )
            )
            centre = s.get(Centre, centre_id)
        self.actor = Actor(user_id, centre_id)
        self.advisors = [u.id for u in users] or [user_id]
        self.advisor_weights = [0.3 if u.role != "advisor" else 1.0 for u in users] or [1.0]
        if centre is not None and centre.state in {p.land for p in places()}:
            self.home_land = centre.state

    def _create_identity(self) -> None:
        spec = CENTRES.get(self.centre_kind, CENTRES["regional"])
        founded = dt.datetime.combine(self.start - dt.timedelta(days=30), dt.time(9, 0))
        centre_id = self.new_id(founded)
        users = [
            AppUser(
                id=self.new_id(founded + dt.timedelta(minutes=i + 1)),
                username=username,
                display_name=name,
                role=role,
                centre_id=centre_id,
                partner_institution=partner,
            )
            for i, (username, name, role, partner) in enumerate(spec.users)
        ]
        with self.store.write() as s:
            s.add(
                Centre(
                    id=centre_id,
                    code=spec.code,
                    name=spec.name,
                    state=spec.state,
                    kind=self.centre_kind,
                    coordination_name="Koordinierungsstelle Zukunftszentren",
                    address=spec.address,
                )
            )
            s.add_all(users)
        user_id = users[0].id
        self.store.set_setting("identity.centre_id", centre_id)
        self.store.set_setting("identity.user_id", user_id)
        self.store.actor = self.actor = Actor(user_id, centre_id)
        self.advisors = [u.id for u in users]
        self.advisor_weights = [1.0 if u.role == "advisor" else 0.3 for u in users]
        self.home_land = spec.state if spec.state != "11" else "15"
        self.summary.centre_created = True
        self.summary.users_created = len(users)

    def _ensure_topics(self) -> None:
        """Seed the taxonomy from the code list unless the hub (or an earlier run) sent one."""
        with self.store.write() as s:
            if s.scalars(select(Topic.code).limit(1)).first() is not None:
                return
            s.add_all(
                Topic(code=t.code, group=t.group, label_de=t.label_de, label_en=t.label_en)
                for t in codelists.topics()
            )

    # -- contacts -------------------------------------------------------------------------

    def contacts(self, w: _Writer, n_orgs: int, n_solo: int) -> tuple[list[_Org], list[_Solo]]:
        w.start("contacts", n_orgs + n_solo)
        days = sorted(self.contact_day() for _ in range(n_orgs + n_solo))
        # Interleave organisations and solo self-employed people in time order.
        kinds = [True] * n_orgs + [False] * n_solo
        self.rng.shuffle(kinds)
        orgs: list[_Org] = []
        solos: list[_Solo] = []
        for day, is_org in zip(days, kinds, strict=True):
            if is_org:
                orgs.append(self.organisation(w, day))
            else:
                solos.append(self.solo(w, day))
            w.step()
        w.finish()
        return orgs, solos

    def organisation(self, w: _Writer, day: dt.date) -> _Org:
        rng = self.rng
        created = self.moment(day)
        by = self.advisor()
        sector = rng.choices(SECTORS, weights=[s.weight for s in SECTORS])[0]
        sme = _weighted(
            rng,
            {"micro": 62, "small": 26, "medium": 9, "large": 3}
            if sector.size == "micro"
            else {"micro": 35, "small": 38, "medium": 21, "large": 6},
        )
        employees: int | None = {
            "micro": rng.randint(1, 9),
            "small": rng.randint(10, 49),
            "medium": rng.randint(50, 249),
            "large": rng.randint(250, 1400),
        }[sme]
        band = {
            "micro": "le_2m" if rng.random() < 0.93 else "le_10m",
            "small": "le_10m" if rng.random() < 0.8 else "le_2m",
            "medium": "le_50m" if rng.random() < 0.85 else "le_10m",
            "large": "gt_50m" if rng.random() < 0.8 else "le_50m",
        }[sme]
        band_or_none: str | None = band
        if rng.random() < 0.04:  # head count not (yet) known
            employees, band_or_none = None, None
        elif rng.random() < 0.06:
            band_or_none = None
        legal_form = self.legal_form(sme, sector)
        name = self.company_name(sector, legal_form)
        place = self.place()
        old = day < dt.date(2025, 1, 1) and rng.random() < 0.45
        works_council = employees is not None and (
            rng.random() < (0.7 if employees > 50 else 0.15 if employees >= 20 else 0.02)
        )
        domain = _ascii(name.split(" GmbH")[0].split(" UG")[0].split(" e.K.")[0])[:40] + ".de"
        org = _row(
            Organisation,
            id=self.new_id(created),
            name=name,
            legal_form=legal_form,
            street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}{rng.choice(('', '', '', 'a', 'b'))}",
            postcode=place.postcode,
            city=place.city,
            ags=place.ags,
            phone=f"{place.area_code} {rng.randint(100000, 9999999)}",
            email=f"{rng.choice(('info', 'kontakt', 'buero', 'mail'))}@{domain}",
            website=f"https://www.{domain}" if rng.random() < 0.8 else None,
            sector_code=sector.wz2008 if old else sector.wz2025,
            sector_version="WZ2008" if old else "WZ2025",
            employees=employees,
            turnover_band=band_or_none,
            sme_class=(
                None if employees is None else str(classify_sme_band(employees, band_or_none))
            ),
            works_council=works_council if employees is not None else None,
            tags=self.tags(sector, works_council),
            source=_weighted(
                rng, {"event": 30, "partner_referral": 30, "own_initiative": 35, "other": 5}
            ),
            notes=(
                rng.choice(
                    (
                        "Ansprechpartnerin bevorzugt Termine am Vormittag.",
                        "Betrieb hat zwei Standorte; Beratung findet am Hauptsitz statt.",
                        "Interesse an Teilnahme an der Lernfabrik.",
                        "Kontakt über die Kreishandwerkerschaft.",
                    )
                )
                if rng.random() < 0.15
                else None
            ),
        )
        self.stamp(org, created, by)
        w.add(org)
        self.summary.organisations += 1
        info = _Org(org.id, name, place.city, employees, sector.label, day, works_council)
        n_people = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
        for i in range(n_people):
            role = (
                "management"
                if i == 0
                else "works_council"
                if works_council and i == 1
                else "employee"
            )
            person = self.person(w, day, created + dt.timedelta(minutes=2 + i), by, place, domain)
            owner = i == 0 and legal_form in ("e.K.", "Einzelunternehmen", "GbR")
            if owner:
                person.employment_status = "self_employed"
            self.affiliation(w, person, org, role, owner, created + dt.timedelta(minutes=3 + i), by)
            info.person_ids.append(person.id)
        return info

    def legal_form(self, sme: str, sector: Sector) -> str:
        rng = self.rng
        if sector.care and rng.random() < 0.35:
            return "gGmbH"
        table = {
            "micro": {
                "GmbH": 34,
                "e.K.": 20,
                "Einzelunternehmen": 20,
                "UG (haftungsbeschränkt)": 10,
                "GbR": 10,
                "GmbH & Co. KG": 6,
            },
            "small": {
                "GmbH": 60,
                "GmbH & Co. KG": 25,
                "e.K.": 5,
                "eG": 4,
                "UG (haftungsbeschränkt)": 6,
            },
            "medium": {"GmbH": 60, "GmbH & Co. KG": 30, "AG": 5, "eG": 5},
            "large": {"GmbH": 50, "AG": 30, "GmbH & Co. KG": 20},
        }[sme]
        return _weighted(rng, table)

    def company_name(self, sector: Sector, legal_form: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.22:
            # Faker's company name, stripped of its own (often non-matching) legal suffix.
            base = self.fake.company()
            for suffix in (
                " GmbH & Co. KGaA",
                " GmbH & Co. KG",
                " GmbH & Co. OHG",
                " GmbH",
                " AG & Co. KG",
                " AG & Co. KGaA",
                " AG",
                " KGaA",
                " OHG",
                " KG",
                " e.G.",
                " e.V.",
                " GbR",
                " Stiftung & Co. KG",
                " Stiftung & Co. KGaA",
            ):
                if base.endswith(suffix):
                    base = base[: -len(suffix)]
                    break
        elif roll < 0.4 and sector.wz2025 in FANTASY_PREFIX_SECTORS:
            base = f"{rng.choice(sector.names)} {rng.choice(FANTASY)}"
        elif roll < 0.55:
            base = f"{self.fake.last_name()} {rng.choice(sector.names)}"
        else:
            base = f"{rng.choice(sector.names)} {self.fake.last_name()}"
        if legal_form == "Einzelunternehmen":
            return base
        if legal_form == "e.K.":
            return f"{base} e.K."
        return f"{base} {legal_form}"

    def tags(self, sector: Sector, works_council: bool) -> list[str]:
        rng = self.rng
        tags: list[str] = []
        if sector.care:
            tags.append("Pflege")
        elif sector.size == "micro" and sector.wz2025[:2] in ("43", "10", "95", "96"):
            tags.append("Handwerk")
        elif sector.wz2025[:2] in ("25", "28", "22", "33"):
            tags.append("Industrie")
        if works_council:
            tags.append("Betriebsrat aktiv")
        for _ in range(rng.choices((0, 1, 2), weights=(55, 35, 10))[0]):
            tag = rng.choice(TAGS)
            if tag not in tags:
                tags.append(tag)
        return tags

    def names(self, gender: str) -> tuple[str, str]:
        rng = self.rng
        female = gender == "female" or (gender != "male" and rng.random() < 0.5)
        if rng.random() < 0.07:
            _lang, ff, mm, last = rng.choice(FOREIGN_NAMES)
            return rng.choice(ff if female else mm), rng.choice(last)
        first = self.fake.first_name_female() if female else self.fake.first_name_male()
        return first, self.fake.last_name()

    def person(
        self,
        w: _Writer,
        day: dt.date,
        created: dt.datetime,
        by: str,
        place: Place,
        domain: str | None,
        solo: bool = False,
    ) -> Person:
        rng = self.rng
        created = min(created, self.now)
        gender = _weighted(rng, {"female": 46, "male": 50, "non_binary": 1.5, "not_stated": 2.5})
        first, last = self.names(gender)
        if domain:
            email = f"{_ascii(first)[:1]}.{_ascii(last)}@{domain}"
        else:
            email = f"{_ascii(first)}.{_ascii(last)}@{rng.choice(('posteo.de', 'gmx.de', 'web.de', 'mailbox.org', 't-online.de'))}"
        education = _weighted(rng, {"isced_0_2": 6, "isced_3_4": 52, "isced_5_8": 42})
        status = (
            _weighted(rng, {"self_employed": 86, "unemployed": 6, "employed": 6, "inactive": 2})
            if solo
            else _weighted(rng, {"employed": 97, "self_employed": 3})
        )
        p = _row(
            Person,
            id=self.new_id(created),
            salutation={"female": "Frau", "male": "Herr"}.get(gender),
            first_name=first,
            last_name=last,
            gender=gender,
            birth_year=rng.randint(1959, 2004) if rng.random() < 0.92 else None,
            postcode=place.postcode,
            email=email if rng.random() < 0.9 else None,
            phone=(
                f"01{rng.choice(('51', '52', '60', '62', '70', '71', '73', '76', '77'))} {rng.randint(1000000, 99999999)}"
                if rng.random() < 0.7
                else None
            ),
            employment_status=status,
            education=education,
            third_country_national=_weighted(rng, {"no": 80, "yes": 4, "no_answer": 16})
            if rng.random() < 0.6
            else None,
            foreign_origin=_weighted(rng, {"no": 75, "yes": 9, "no_answer": 16})
            if rng.random() < 0.6
            else None,
            rural_area=_weighted(rng, {"no": 55, "yes": 35, "no_answer": 10})
            if rng.random() < 0.6
            else None,
        )
        self.stamp(p, created, by)
        w.add(p)
        self.summary.persons += 1
        self.consents(w, p, day, solo)
        return p

    def affiliation(
        self,
        w: _Writer,
        p: Person,
        org: Organisation,
        role: str,
        owner: bool,
        at: dt.datetime,
        by: str,
    ) -> None:
        rng = self.rng
        female = p.gender == "female"
        if role == "management":
            titles = MANAGEMENT_TITLES_F if female else MANAGEMENT_TITLES_M
            title = titles[1] if owner else rng.choice(titles)
        elif role == "works_council":
            title = rng.choice(WORKS_COUNCIL_TITLES_F if female else WORKS_COUNCIL_TITLES_M)
        else:
            title = rng.choice(EMPLOYEE_TITLES_F if female else EMPLOYEE_TITLES_M)
        a = _row(
            Affiliation,
            id=self.new_id(at),
            person_id=p.id,
            organisation_id=org.id,
            role=role,
            function_title=title,
        )
        w.add(self.stamp(a, min(at, self.now), by))
        self.summary.affiliations += 1

    def consents(self, w: _Writer, p: Person, day: dt.date, solo: bool) -> None:
        rng = self.rng
        wanted = [
            ("contact_data", 0.93, "art6_1a"),
            ("esf_monitoring", 0.8 if solo else 0.5, "art6_1c"),
            ("newsletter", 0.3, "art6_1a"),
            ("photos", 0.08, "art6_1a"),
        ]
        for i, (purpose, share, basis) in enumerate(wanted):
            if rng.random() >= share:
                continue
            given = day
            created = min(p.created_at + dt.timedelta(minutes=1 + i), self.now)
            withdrawn = None
            if purpose == "newsletter" and rng.random() < 0.08:
                withdrawn = self.workday_between(given, self.last_day)
            retention = (
                dt.date(2034, 12, 31)
                if purpose == "esf_monitoring"
                else dt.date(given.year + 5, 12, 31)
            )
            c = _row(
                Consent,
                id=self.new_id(created),
                person_id=p.id,
                purpose=purpose,
                legal_basis=basis,
                given_at=given,
                method=_weighted(rng, {"paper": 45, "email": 20, "verbal": 10, "online": 25}),
                text_version=rng.choice(("2023-09", "2024-06", "2025-03"))
                if given.year >= 2024
                else "2023-09",
                withdrawn_at=withdrawn,
                retention_until=retention,
            )
            updated = (
                min(dt.datetime.combine(withdrawn, dt.time(10, 0)), self.now) if withdrawn else None
            )
            w.add(self.stamp(c, created, p.created_by or self.actor.user_id or "", updated))
            self.summary.consents += 1

    def solo(self, w: _Writer, day: dt.date) -> _Solo:
        rng = self.rng
        created = self.moment(day)
        by = self.advisor()
        place = self.place()
        p = self.person(w, day, created, by, place, None, solo=True)
        occupation, wz2025, wz2008 = rng.choice(SELFEMPLOYED_OCCUPATIONS)
        old = day < dt.date(2025, 1, 1) and rng.random() < 0.45
        platform = occupation in PLATFORM_OCCUPATIONS or rng.random() < 0.08
        profile = _row(
            SelfEmployedProfile,
            id=self.new_id(created + dt.timedelta(minutes=5)),
            person_id=p.id,
            occupation=occupation,
            sector_code=wz2008 if old else wz2025,
            sector_version="WZ2008" if old else "WZ2025",
            since_year=rng.randint(min(day.year, max(1990, (p.birth_year or 1980) + 20)), day.year),
            platform_work=platform,
            fee_basis=_weighted(rng, {"hourly": 40, "daily": 25, "project": 25, "per_piece": 10}),
            fee_band=_weighted(rng, {"lt_250": 35, "250_500": 35, "500_800": 20, "gt_800": 10}),
            health_insurance=_weighted(
                rng, {"statutory": 62, "private": 18, "artists_fund": 15, "none": 5}
            ),
            pension=_weighted(rng, {"statutory": 35, "private": 40, "none": 25}),
            unemployment_insurance=rng.random() < 0.2,
            interest_group_member=rng.random() < 0.25,
            notes=rng.choice(
                (
                    None,
                    None,
                    "Arbeitet überwiegend für einen Auftraggeber.",
                    "Sucht Kontakt zu anderen Selbstständigen der Branche.",
                )
            ),
        )
        w.add(self.stamp(profile, min(created + dt.timedelta(minutes=5), self.now), by))
        self.summary.selfemployed_profiles += 1
        client = {"female": "Die Ratsuchende", "male": "Der Ratsuchende"}.get(
            p.gender, "Die ratsuchende Person"
        )
        return _Solo(p.id, occupation, place.city, day, client)

    # -- consultations ----------------------------------------------------------------------

    def plan(self, orgs: list[_Org], solos: list[_Solo]) -> list[_Plan]:
        rng = self.rng
        n = self.n_consultations
        plans: list[_Plan] = []
        solo_share = {"regional": 0.05, "self_employed": 0.7, "coordination": 0.1}.get(
            self.centre_kind, 0.05
        )
        n_solo = min(n, round(n * solo_share)) if solos else 0
        if not orgs:
            n_solo = n if solos else 0
        # In-depth series adding up to near (sometimes over) the 80-hour cap.
        n_series = min(len(orgs) // 30, (n - n_solo) // 40)
        for org in rng.sample(orgs, n_series) if n_series > 0 else []:
            plans.extend(self.series(org))
        n_orgs_left = max(0, n - n_solo - len(plans))
        if orgs:
            # A few organisations come back often, most once or twice (heavy-tailed weights).
            cum = list(_cumulative(min(12.0, rng.paretovariate(1.6)) for _ in orgs))
            in_depth: dict[str, int] = {}
            for p in plans:
                in_depth[p.org.id if p.org else ""] = 10**6  # series organisations are full
            for _ in range(n_orgs_left):
                org = orgs[bisect.bisect(cum, rng.random() * cum[-1])]
                kind = _weighted(rng, {"signposting": 45, "in_depth": 25, "follow_up": 30})
                minutes = self.duration(kind)
                if kind == "in_depth":
                    # Outside the planned series an organisation stays well below the cap.
                    if in_depth.get(org.id, 0) + minutes > 50 * 60:
                        kind, minutes = "follow_up", self.duration("follow_up")
                    else:
                        in_depth[org.id] = in_depth.get(org.id, 0) + minutes
                day = self.workday_between(org.first_contact, self.last_day)
                plans.append(_Plan(day, kind, minutes, org=org))
        for _ in range(n - len(plans)):
            solo = rng.choice(solos)
            kind = _weighted(
                rng, {"signposting": 50, "in_depth": 20, "follow_up": 18, "ombuds": 12}
            )
            day = self.workday_between(solo.first_contact, self.last_day)
            plans.append(_Plan(day, kind, self.duration(kind), solo=solo))
        plans.sort(key=lambda p: p.day)
        return plans[:n]

    def series(self, org: _Org) -> list[_Plan]:
        rng = self.rng
        target = rng.uniform(80.25, 86.0) if rng.random() < 0.15 else rng.uniform(60.0, 79.5)
        target_min = _round15(target * 60)
        minutes: list[int] = []
        while sum(minutes) < target_min:
            minutes.append(rng.choice((240, 300, 360, 420, 480)))
        minutes[-1] = max(60, minutes[-1] - (sum(minutes) - target_min))
        days = sorted(self.workday_between(org.first_contact, self.last_day) for _ in minutes)
        return [
            _Plan(day, "in_depth", m, org=org, series_no=i + 1)
            for i, (day, m) in enumerate(zip(days, minutes, strict=True))
        ]

    def duration(self, kind: str) -> int:
        rng = self.rng
        if kind == "signposting":
            return _round15(rng.triangular(30, 120, 60))
        if kind == "in_depth":
            return _round15(rng.triangular(120, 480, 240))
        if kind == "ombuds":
            return _round15(rng.triangular(45, 150, 90))
        return _round15(rng.triangular(30, 120, 60))

    def consultations(self, w: _Writer, plans: list[_Plan]) -> None:
        w.start("consultations", len(plans))
        for plan in plans:
            self.consultation(w, plan)
            w.step()
        w.finish()

    def consultation(self, w: _Writer, plan: _Plan) -> None:
        rng = self.rng
        advisors = self.advisor_pair()
        by = advisors[0]
        solo = plan.solo
        org = plan.org
        if plan.series_no:  # long in-depth sessions happen in the company or by video
            modes = {"on_site": 60, "at_centre": 15, "video": 25}
        elif org:
            modes = {"on_site": 40, "at_centre": 18, "phone": 17, "video": 25}
        else:
            modes = {"on_site": 5, "at_centre": 35, "phone": 25, "video": 35}
        mode = _weighted(rng, modes)
        if mode == "phone":
            plan.minutes = min(plan.minutes, 90)
        start = dt.time(
            rng.choice((8, 9, 9, 10, 10, 11, 13, 13, 14, 15)), rng.choice((0, 0, 15, 30, 45))
        )
        begin = dt.datetime.combine(plan.day, start)
        created = min(
            begin + dt.timedelta(minutes=plan.minutes, seconds=rng.randint(600, 30 * 3600)),
            self.now,
        )
        recent = (self.today - plan.day).days <= 21
        status = _weighted(
            rng,
            {"draft": 40, "final": 55, "signed": 5}
            if recent
            else {"draft": 3, "final": 85, "signed": 12},
        )
        updated = created
        if status != "draft":
            updated = min(created + dt.timedelta(seconds=rng.randint(0, 4 * 86400)), self.now)
        if org is not None:
            topics = self.topics(self.zz_topics, rng.choice((1, 1, 2, 2, 3)))
        else:
            assert solo is not None
            first = (
                "ombuds_case"
                if plan.kind == "ombuds"
                else rng.choice([t for t in self.se_topics if t != "ombuds_case"])
            )
            topics = [
                first,
                *self.topics(
                    [t for t in self.se_topics if t not in (first, "ombuds_case")],
                    rng.choice((0, 1, 1, 2)),
                ),
            ]
            if rng.random() < 0.15:
                topics.append(
                    rng.choice(("qualification_training", "ai_at_work", "funding_programmes"))
                )
        label = self.topic_labels[topics[0]]
        if topics[0] == "ombuds_case":
            label = rng.choice(
                (
                    "Honorar nicht gezahlt",
                    "Vertragsänderung durch Auftraggeber",
                    "Kontosperrung auf Plattform",
                )
            )
        title = f"{rng.choice(KIND_TITLES[plan.kind])}: {label}"
        if plan.series_no:
            title += f" (Termin {plan.series_no})"
        values = {
            "company": org.name if org else "",
            "city": org.city if org else solo.city if solo else "",
            "employees": org.employees if org and org.employees else "einigen",
            "sector": org.sector if org else "",
            "tool": rng.choice(TOOLS),
            "weeks": rng.choice(("zwei", "drei", "vier")),
            "count": rng.choice(("drei", "vier", "fünf")),
            "occupation": solo.occupation if solo else "",
            "client": solo.client if solo else "",
        }
        referral = rng.choice(REFERRALS) if rng.random() < 0.08 else None
        next_appointment = None
        if plan.kind in ("in_depth", "follow_up", "signposting") and rng.random() < 0.35:
            next_appointment = plan.day + dt.timedelta(days=rng.randint(14, 60))
        c = _row(
            Consultation,
            id=self.new_id(created),
            date=plan.day,
            start_time=start.strftime("%H:%M"),
            duration_min=plan.minutes,
            mode=mode,
            kind=plan.kind,
            title=title,
            place=(
                f"{org.city}, im Betrieb"
                if mode == "on_site" and org
                else "Zukunftszentrum, Beratungsraum"
                if mode == "at_centre"
                else MODE_PLACES.get(mode, solo.city if solo else "")
            ),
            organisation_id=org.id if org else None,
            person_id=solo.id if solo else None,
            advisor_ids=advisors,
            topics=topics,
            starting_situation=self.text(topics, 0, SITUATION_GENERIC if org else (), values, 2, 4),
            findings=self.text(topics, 1, FINDINGS_GENERIC if org else (), values, 2, 4),
            agreements=" ".join(
                rng.sample(AGREEMENTS if org else AGREEMENTS_SOLO, rng.randint(1, 3))
            ).format_map(values),
            recommendations=self.text(topics, 2, RECOMMENDATIONS_GENERIC, values, 1, 3),
            referral_to=referral[0] if referral else None,
            referral_reason=referral[1] if referral else None,
            next_appointment=next_appointment,
            status=status,
            esf_counting="entity" if org else "participant",
        )
        w.add(self.stamp(c, created, by, updated))
        self.summary.consultations += 1
        people = [solo.id] if solo else self.participants(org)
        for i, pid in enumerate(people):
            part = _row(
                ConsultationParticipant,
                id=self.new_id(created),
                consultation_id=c.id,
                person_id=pid,
            )
            w.add(self.stamp(part, min(created + dt.timedelta(seconds=i + 1), self.now), by))
            self.summary.participants += 1
        self.followups(w, c, plan, by, created)

    def participants(self, org: _Org | None) -> list[str]:
        if org is None or not org.person_ids:
            return []
        k = self.rng.choices((0, 1, 2, 3), weights=(10, 55, 30, 5))[0]
        return self.rng.sample(org.person_ids, min(k, len(org.person_ids)))

    def topics(self, pool: Sequence[str], k: int) -> list[str]:
        return self.rng.sample(list(pool), min(k, len(pool)))

    def text(
        self,
        topics: list[str],
        part: int,
        generic: Sequence[str],
        values: dict[str, Any],
        lo: int,
        hi: int,
    ) -> str:
        rng = self.rng
        sentences: list[str] = []
        for code in topics:
            bank = TOPIC_TEXT.get(code)
            if bank:
                sentences.extend(rng.sample(bank[part], rng.randint(1, len(bank[part]))))
        want = rng.randint(lo, hi)
        if generic and len(sentences) < want:
            sentences[:0] = rng.sample(list(generic), min(len(generic), want - len(sentences)))
        return " ".join(sentences[: max(want, 1) + 1]).format_map(values)

    def followups(
        self, w: _Writer, c: Consultation, plan: _Plan, by: str, created: dt.datetime
    ) -> None:
        rng = self.rng
        recent = (self.today - plan.day).days <= 21
        if recent and rng.random() < 0.5:
            # What the start page shows: overdue, due today, due this week.
            due = self.today + dt.timedelta(days=rng.choice((-6, -4, -2, -1, 0, 0, 1, 2, 3, 5)))
        elif c.next_appointment is not None or rng.random() < 0.15:
            due = plan.day + dt.timedelta(days=rng.randint(7, 42))
        else:
            return
        due = max(due, plan.day + dt.timedelta(days=1))
        done_at = None
        if due < self.today and not recent and rng.random() < 0.88:
            done_day = max(plan.day, due - dt.timedelta(days=rng.randint(0, 6)))
            done_at = min(self.moment(done_day), self.now)
        f = _row(
            FollowUp,
            id=self.new_id(created),
            consultation_id=c.id,
            organisation_id=plan.org.id if plan.org else None,
            text=rng.choice(FOLLOWUP_TEXTS),
            owner_id=by,
            due_date=due,
            done_at=done_at,
        )
        w.add(self.stamp(f, min(created + dt.timedelta(seconds=30), self.now), by, done_at))
        self.summary.followups += 1

    # -- events ---------------------------------------------------------------------------

    def events(self, w: _Writer, people: list[tuple[dt.date, str]], n_events: int) -> None:
        rng = self.rng
        w.start("events", n_events)
        people.sort()
        known_since = [d for d, _ in people]
        days = sorted(
            self.workday_between(
                self.start + dt.timedelta(days=30), self.today + dt.timedelta(days=45)
            )
            for _ in range(n_events)
        )
        for day in days:
            kind = _weighted(rng, EVENT_TYPE_WEIGHTS)
            title = rng.choice(EVENT_TITLES[kind])
            by = self.advisor()
            created = min(self.moment(day - dt.timedelta(days=rng.randint(14, 60))), self.now)
            online = rng.random() < 0.3
            multi = kind == "qualification"
            hours = float(rng.choice((16, 20, 24)) if multi else rng.choice((2, 3, 4, 6, 8)))
            solo_event = "Selbstständige" in title or self.centre_kind == "self_employed"
            topics = self.topics(
                self.se_topics if solo_event else self.zz_topics, rng.randint(1, 2)
            )
            e = _row(
                Event,
                id=self.new_id(created),
                title=title,
                type=kind,
                start_date=day,
                end_date=day + dt.timedelta(days=rng.choice((1, 2, 7))) if multi else day,
                place="Online (BigBlueButton)"
                if online
                else f"{self.place().city}, {rng.choice(('Technologiezentrum', 'Handwerkskammer, Bildungszentrum', 'Hochschule, Hörsaal 2', 'Zukunftszentrum, Seminarraum'))}",
                online=online,
                hours=hours,
                topics=topics,
                advisor_ids=self.advisor_pair(),
                description=rng.choice(
                    (
                        "Praxisnahe Veranstaltung mit Beispielen aus Betrieben der Region.",
                        "Kostenfreies Angebot für Beschäftigte und Führungskräfte aus KMU.",
                        "Mit Austausch in Kleingruppen und Arbeitsmaterialien zum Mitnehmen.",
                    )
                ),
            )
            w.add(self.stamp(e, created, by))
            self.summary.events += 1
            eligible = bisect.bisect(known_since, day)
            if eligible:
                chosen = rng.sample(range(eligible), min(eligible, rng.randint(4, 18)))
                for j, idx in enumerate(sorted(chosen)):
                    self.participation(w, e, people[idx][1], day, hours, by, j)
            w.step()
        w.finish()

    def participation(
        self, w: _Writer, e: Event, person_id: str, day: dt.date, hours: float, by: str, j: int
    ) -> None:
        rng = self.rng
        past = day < self.today
        created = min(self.moment(day - dt.timedelta(days=rng.randint(1, 14))), self.now)
        created += dt.timedelta(seconds=j)
        created = min(created, self.now)
        p = _row(
            Participation,
            id=self.new_id(created),
            event_id=e.id,
            person_id=person_id,
            attended_hours=(hours if rng.random() < 0.85 else float(max(1, int(hours) // 2)))
            if past
            else None,
            entry_questionnaire=_weighted(rng, {"complete": 84, "incomplete": 9, "missing": 7}),
            exit_questionnaire=(
                _weighted(rng, {"complete": 65, "incomplete": 10, "missing": 25})
                if past
                else "missing"
            ),
        )
        updated = min(dt.datetime.combine(day, dt.time(18, 0)), self.now) if past else None
        w.add(self.stamp(p, created, by, max(updated, created) if updated else None))
        self.summary.participations += 1


def _cumulative(values: Iterable[float]) -> Iterable[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


def generate_demo(
    store: Store,
    *,
    consultations: int = 5000,
    seed: int = 1,
    progress: Progress | None = None,
    centre_kind: str = "regional",
    reference_date: dt.date = dt.date(2026, 11, 1),
) -> DemoSummary:
    """Fill ``store`` with ``consultations`` consultations and everything around them.

    About one organisation per five consultations (≈1.5 persons each), solo self-employed people,
    follow-ups, events with participations and consents. ``reference_date`` is "today" for the
    data (dates end a few days before it; follow-ups fall due around it). If the profile has an
    identity (``identity.centre_id``/``identity.user_id``, e.g. after a hub login) its centre and
    users are used; otherwise a demo centre of ``centre_kind`` with advisors is created.
    """
    if consultations < 0:
        raise ValueError("consultations must not be negative")
    from zz_desktop.services import permissions

    permissions.require(store, roles.EDIT_RECORDS)
    demo = _Demo(store, consultations, seed, progress, centre_kind, reference_date)
    demo.identity()
    writer = _Writer(store, demo.actor, demo.id_rng, demo.summary, progress)
    n_orgs = max(3, consultations // 5)
    solo_per = {"regional": 60, "self_employed": 4, "coordination": 30}.get(centre_kind, 60)
    n_solo = max(2, consultations // solo_per)
    orgs, solos = demo.contacts(writer, n_orgs, n_solo)
    plans = demo.plan(orgs, solos)
    demo.consultations(writer, plans)
    people = [(o.first_contact, pid) for o in orgs for pid in o.person_ids]
    people += [(s.first_contact, s.id) for s in solos]
    demo.events(writer, people, max(2, consultations // 50))
    return demo.summary
