"""The fixed material demo data is drawn from: the place list
(``resources/codelists/demo_places.csv``: real municipalities of the eastern Länder with postcode,
8-digit AGS and telephone area code), the sectors with their WZ codes and typical names, name
parts, streets, job titles, referral sources, event titles and the demo centres with their
users. Plain data; the generator draws from it with seeded random streams."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from zz_desktop.paths import resource_path


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
