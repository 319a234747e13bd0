"""Demo contacts: organisations with their people (names, titles, affiliations), solo
self-employed with their profile, and the consents each person gave."""

from __future__ import annotations

import datetime as dt

from zz_desktop.domain.questionnaire import ENTRY_FIELDS
from zz_desktop.domain.sme import classify_sme_band
from zz_desktop.services.demo.base import DemoBase, OrgPlan, SoloPlan, ascii_lower, weighted
from zz_desktop.services.demo.data import (
    EMPLOYEE_TITLES_F,
    EMPLOYEE_TITLES_M,
    FANTASY,
    FANTASY_PREFIX_SECTORS,
    FOREIGN_NAMES,
    MANAGEMENT_TITLES_F,
    MANAGEMENT_TITLES_M,
    PLATFORM_OCCUPATIONS,
    SECTORS,
    SELFEMPLOYED_OCCUPATIONS,
    STREETS,
    TAGS,
    WORKS_COUNCIL_TITLES_F,
    WORKS_COUNCIL_TITLES_M,
    Place,
    Sector,
)
from zz_desktop.services.demo.writer import DemoWriter, new_row
from zz_desktop.store.models import (
    Affiliation,
    Consent,
    Organisation,
    Person,
    SelfEmployedProfile,
)


class DemoContacts(DemoBase):
    """Organisations with their people, solo self-employed, affiliations and consents."""

    # -- contacts -------------------------------------------------------------------------

    def contacts(
        self, w: DemoWriter, n_orgs: int, n_solo: int
    ) -> tuple[list[OrgPlan], list[SoloPlan]]:
        w.start("contacts", n_orgs + n_solo)
        days = sorted(self.contact_day() for _ in range(n_orgs + n_solo))
        # Interleave organisations and solo self-employed people in time order.
        kinds = [True] * n_orgs + [False] * n_solo
        self.rng.shuffle(kinds)
        orgs: list[OrgPlan] = []
        solos: list[SoloPlan] = []
        for day, is_org in zip(days, kinds, strict=True):
            if is_org:
                orgs.append(self.organisation(w, day))
            else:
                solos.append(self.solo(w, day))
            w.step()
        w.finish()
        return orgs, solos

    def organisation(self, w: DemoWriter, day: dt.date) -> OrgPlan:
        rng = self.rng
        created = self.moment(day)
        by = self.advisor()
        sector = rng.choices(SECTORS, weights=[s.weight for s in SECTORS])[0]
        sme = weighted(
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
        domain = ascii_lower(name.split(" GmbH")[0].split(" UG")[0].split(" e.K.")[0])[:40] + ".de"
        org = new_row(
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
            source=weighted(
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
        info = OrgPlan(org.id, name, place.city, employees, sector.label, day, works_council)
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
        return weighted(rng, table)

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
        w: DemoWriter,
        day: dt.date,
        created: dt.datetime,
        by: str,
        place: Place,
        domain: str | None,
        solo: bool = False,
    ) -> Person:
        rng = self.rng
        created = min(created, self.now)
        gender = weighted(rng, {"female": 46, "male": 50, "non_binary": 1.5, "not_stated": 2.5})
        first, last = self.names(gender)
        if domain:
            email = f"{ascii_lower(first)[:1]}.{ascii_lower(last)}@{domain}"
        else:
            email = f"{ascii_lower(first)}.{ascii_lower(last)}@{rng.choice(('posteo.de', 'gmx.de', 'web.de', 'mailbox.org', 't-online.de'))}"
        education = weighted(rng, {"isced_0_2": 6, "isced_3_4": 52, "isced_5_8": 42})
        status = (
            weighted(rng, {"self_employed": 86, "unemployed": 6, "employed": 6, "inactive": 2})
            if solo
            else weighted(rng, {"employed": 97, "self_employed": 3})
        )
        p = new_row(
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
            third_country_national=weighted(rng, {"no": 80, "yes": 4, "no_answer": 16})
            if rng.random() < 0.6
            else None,
            foreign_origin=weighted(rng, {"no": 75, "yes": 9, "no_answer": 16})
            if rng.random() < 0.6
            else None,
            rural_area=weighted(rng, {"no": 55, "yes": 35, "no_answer": 10})
            if rng.random() < 0.6
            else None,
        )
        self.stamp(p, created, by)
        w.add(p)
        self.summary.persons += 1
        self.entry_answers[p.id] = {f: getattr(p, f) for f in ENTRY_FIELDS}
        self.consents(w, p, day, solo)
        return p

    def affiliation(
        self,
        w: DemoWriter,
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
        a = new_row(
            Affiliation,
            id=self.new_id(at),
            person_id=p.id,
            organisation_id=org.id,
            role=role,
            function_title=title,
        )
        w.add(self.stamp(a, min(at, self.now), by))
        self.summary.affiliations += 1

    def consents(self, w: DemoWriter, p: Person, day: dt.date, solo: bool) -> None:
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
            c = new_row(
                Consent,
                id=self.new_id(created),
                person_id=p.id,
                purpose=purpose,
                legal_basis=basis,
                given_at=given,
                method=weighted(rng, {"paper": 45, "email": 20, "verbal": 10, "online": 25}),
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

    def solo(self, w: DemoWriter, day: dt.date) -> SoloPlan:
        rng = self.rng
        created = self.moment(day)
        by = self.advisor()
        place = self.place()
        p = self.person(w, day, created, by, place, None, solo=True)
        occupation, wz2025, wz2008 = rng.choice(SELFEMPLOYED_OCCUPATIONS)
        old = day < dt.date(2025, 1, 1) and rng.random() < 0.45
        platform = occupation in PLATFORM_OCCUPATIONS or rng.random() < 0.08
        profile = new_row(
            SelfEmployedProfile,
            id=self.new_id(created + dt.timedelta(minutes=5)),
            person_id=p.id,
            occupation=occupation,
            sector_code=wz2008 if old else wz2025,
            sector_version="WZ2008" if old else "WZ2025",
            since_year=rng.randint(min(day.year, max(1990, (p.birth_year or 1980) + 20)), day.year),
            platform_work=platform,
            fee_basis=weighted(rng, {"hourly": 40, "daily": 25, "project": 25, "per_piece": 10}),
            fee_band=weighted(rng, {"lt_250": 35, "250_500": 35, "500_800": 20, "gt_800": 10}),
            health_insurance=weighted(
                rng, {"statutory": 62, "private": 18, "artists_fund": 15, "none": 5}
            ),
            pension=weighted(rng, {"statutory": 35, "private": 40, "none": 25}),
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
        return SoloPlan(p.id, occupation, place.city, day, client)
