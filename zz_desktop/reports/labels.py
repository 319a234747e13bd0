"""Display labels of codes in a report's language: modes, kinds, SME classes, genders, ESF
indicators, social-security answers, plus topics, WZ sections and Kreise from the code lists."""

from __future__ import annotations

from functools import cache

from zz_desktop.domain import codelists
from zz_desktop.i18n import t_lang
from zz_desktop.reports.queries.reference import topic_labels, user_names
from zz_desktop.store.database import Store


@cache
def code_labels(lang: str) -> dict[str, dict[str, str]]:
    """``code_labels(lang)[group][code]`` → label; ``""`` is "not recorded" in every group."""

    unknown = t_lang(lang, "not recorded")
    groups = {
        "mode": {
            "on_site": t_lang(lang, "On site at the company"),
            "at_centre": t_lang(lang, "At the centre"),
            "phone": t_lang(lang, "Phone"),
            "video": t_lang(lang, "Video"),
        },
        "kind": {
            "signposting": t_lang(lang, "Signposting"),
            "in_depth": t_lang(lang, "In-depth advice"),
            "follow_up": t_lang(lang, "Follow-up advice"),
            "ombuds": t_lang(lang, "Ombuds case"),
        },
        "sme": {
            "micro": t_lang(lang, "Micro enterprise"),
            "small": t_lang(lang, "Small enterprise"),
            "medium": t_lang(lang, "Medium-sized enterprise"),
            "large": t_lang(lang, "Large enterprise"),
        },
        "gender": {
            "female": t_lang(lang, "Women"),
            "male": t_lang(lang, "Men"),
            "non_binary": t_lang(lang, "Non-binary"),
            "not_stated": t_lang(lang, "Not stated"),
        },
        "indicator": {
            "unemployed": t_lang(lang, "Unemployed, including long-term unemployed"),
            "long_term_unemployed": t_lang(lang, "Long-term unemployed"),
            "inactive": t_lang(lang, "Inactive"),
            "employed": t_lang(lang, "Employed, including self-employed"),
            "self_employed": t_lang(lang, "of whom self-employed"),
            "under_18": t_lang(lang, "Under 18 years"),
            "18_29": t_lang(lang, "18 to 29 years"),
            "30_54": t_lang(lang, "30 to 54 years"),
            "55_plus": t_lang(lang, "55 years and over"),
            "isced_0_2": t_lang(lang, "Primary or lower secondary education (ISCED 0–2)"),
            "isced_3_4": t_lang(lang, "Upper secondary or post-secondary education (ISCED 3–4)"),
            "isced_5_8": t_lang(lang, "Tertiary education (ISCED 5–8)"),
            "disability": t_lang(lang, "Participants with disabilities"),
            "third_country_national": t_lang(lang, "Third-country nationals"),
            "foreign_origin": t_lang(lang, "Participants of foreign origin"),
            "minority": t_lang(lang, "Minorities (including marginalised communities)"),
            "homeless": t_lang(lang, "Homeless or affected by housing exclusion"),
            "rural_area": t_lang(lang, "Participants from rural areas"),
            "total": t_lang(lang, "Total number of participants"),
            "job_searching": t_lang(lang, "Engaged in job searching upon leaving"),
            "in_education": t_lang(lang, "In education or training upon leaving"),
            "qualification": t_lang(lang, "Gaining a qualification upon leaving"),
            "employed_on_leaving": t_lang(
                lang, "In employment, including self-employment, upon leaving"
            ),
        },
        "health": {
            "statutory": t_lang(lang, "Statutory health insurance"),
            "private": t_lang(lang, "Private health insurance"),
            "artists_fund": t_lang(lang, "Artists' social fund (KSK)"),
            "none": t_lang(lang, "No health insurance"),
        },
        "pension": {
            "statutory": t_lang(lang, "Statutory pension insurance"),
            "private": t_lang(lang, "Private pension provision only"),
            "none": t_lang(lang, "No pension provision"),
        },
        "yes_no": {"yes": t_lang(lang, "yes"), "no": t_lang(lang, "no")},
        "partner_type": {
            "chamber": t_lang(lang, "Chamber"),
            "mittelstand_digital": t_lang(lang, "Mittelstand-Digital centre"),
            "employment_agency": t_lang(lang, "Employment agency programme"),
            "funding_bank": t_lang(lang, "Funding bank"),
            "union": t_lang(lang, "Union"),
            "selfemployed_assoc": t_lang(lang, "Association of the self-employed"),
            "ombuds_office": t_lang(lang, "Ombuds office"),
            "other": t_lang(lang, "Other partner"),
        },
        "referral_outcome": {
            "taken_up": t_lang(lang, "Taken up"),
            "not_taken_up": t_lang(lang, "Not taken up"),
            "unknown": t_lang(lang, "Unknown"),
        },
        "fee_band": {
            "lt_250": t_lang(lang, "below €250"),
            "250_500": "€250–500",
            "500_800": "€500–800",
            "gt_800": t_lang(lang, "above €800"),
        },
        "role": {
            "management": t_lang(lang, "Management"),
            "works_council": t_lang(lang, "Works council"),
            "employee": t_lang(lang, "Employee"),
            "other": t_lang(lang, "Other"),
        },
        "questionnaire": {
            "missing": t_lang(lang, "missing"),
            "incomplete": t_lang(lang, "incomplete"),
            "complete": t_lang(lang, "complete"),
        },
        "status": {
            "draft": t_lang(lang, "Draft"),
            "final": t_lang(lang, "Final"),
            "signed": t_lang(lang, "Signed"),
        },
    }
    for group in groups.values():
        group.setdefault("", unknown)
    return groups


def label(lang: str, group: str, code: str | None) -> str:
    return code_labels(lang)[group].get(code or "", code or "")


class Labeller:
    """Labels that come from data: topics (the store's taxonomy), advisors, Kreise, WZ sections."""

    def __init__(self, store: Store, lang: str):
        self.lang = lang
        self._topics = topic_labels(store, lang)
        self._users = user_names(store)
        for tp in codelists.topics():
            self._topics.setdefault(tp.code, tp.label_de if lang == "de" else tp.label_en)
        self.unknown = t_lang(lang, "not recorded")

    def topic(self, code: str) -> str:
        return self._topics.get(code, code) if code else self.unknown

    def user(self, user_id: str | None) -> str:
        return self._users.get(user_id or "", "") or self.unknown

    def kreis(self, ags5: str) -> str:
        found = codelists.kreis(ags5) if ags5 else None
        if found is not None:
            return found.name
        return f"{self.unknown} ({ags5})" if ags5 else self.unknown

    def section(self, letter: str) -> str:
        return codelists.section_title(letter, self.lang) or self.unknown

    def code(self, group: str, code: str | None) -> str:
        return label(self.lang, group, code)
