"""Generate ``wz2025.csv``, ``wz2008.csv`` and ``wz_correspondence.csv`` from the ``wz-code`` package.

This is a maintenance script, not part of the application: the app reads only the CSVs.

Source: PyPI package ``wz-code`` 0.2.0 (MIT, https://github.com/bandbyte/wz-code), which embeds the
Destatis classifications WZ 2008 and WZ 2025 (German titles, all five levels: section, division,
group, class, subclass) and the official subclass-level correspondence between them.

How to regenerate::

    .venv/bin/pip download --no-deps wz-code==0.2.0 -d /tmp/wz
    unzip -o /tmp/wz/wz_code-0.2.0-py3-none-any.whl -d /tmp/wz/x
    PYTHONPATH=/tmp/wz/x .venv/bin/python resources/codelists/build_wz.py

What this script adds or fixes:

* English titles (``title_en``) for sections and divisions, taken from the Eurostat NACE Rev. 2
  (WZ 2008) and NACE Rev. 2.1 (WZ 2025) wording; groups, classes and subclasses have none.
* A few line-break hyphenation artefacts in the German WZ 2008 titles (``_FIX_DE``).
* The correspondence is aggregated to division level: WZ 2008 division -> WZ 2025 divisions
  (many-to-many), derived from the subclass pairs.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

LEVELS = {1: "section", 2: "division", 3: "group", 4: "class", 5: "subclass"}

SECTIONS_EN_2008 = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation activities",
    "F": "Construction",
    "G": "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Administrative and support service activities",
    "O": "Public administration and defence; compulsory social security",
    "P": "Education",
    "Q": "Human health and social work activities",
    "R": "Arts, entertainment and recreation",
    "S": "Other service activities",
    "T": "Activities of households as employers; undifferentiated goods- and services-producing "
    "activities of households for own use",
    "U": "Activities of extraterritorial organisations and bodies",
}

SECTIONS_EN_2025 = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation activities",
    "F": "Construction",
    "G": "Wholesale and retail trade",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Publishing, broadcasting, and content production and distribution activities",
    "K": "Telecommunication, computer programming, consulting, computing infrastructure, and "
    "other information service activities",
    "L": "Financial and insurance activities",
    "M": "Real estate activities",
    "N": "Professional, scientific and technical activities",
    "O": "Administrative and support service activities",
    "P": "Public administration and defence; compulsory social security",
    "Q": "Education",
    "R": "Human health and social work activities",
    "S": "Arts, sports and recreation",
    "T": "Other service activities",
    "U": "Activities of households as employers and undifferentiated goods- and "
    "services-producing activities of households for own use",
    "V": "Activities of extraterritorial organisations and bodies",
}

DIVISIONS_EN_2008 = {
    "01": "Crop and animal production, hunting and related service activities",
    "02": "Forestry and logging",
    "03": "Fishing and aquaculture",
    "05": "Mining of coal and lignite",
    "06": "Extraction of crude petroleum and natural gas",
    "07": "Mining of metal ores",
    "08": "Other mining and quarrying",
    "09": "Mining support service activities",
    "10": "Manufacture of food products",
    "11": "Manufacture of beverages",
    "12": "Manufacture of tobacco products",
    "13": "Manufacture of textiles",
    "14": "Manufacture of wearing apparel",
    "15": "Manufacture of leather and related products",
    "16": "Manufacture of wood and of products of wood and cork, except furniture; "
    "manufacture of articles of straw and plaiting materials",
    "17": "Manufacture of paper and paper products",
    "18": "Printing and reproduction of recorded media",
    "19": "Manufacture of coke and refined petroleum products",
    "20": "Manufacture of chemicals and chemical products",
    "21": "Manufacture of basic pharmaceutical products and pharmaceutical preparations",
    "22": "Manufacture of rubber and plastic products",
    "23": "Manufacture of other non-metallic mineral products",
    "24": "Manufacture of basic metals",
    "25": "Manufacture of fabricated metal products, except machinery and equipment",
    "26": "Manufacture of computer, electronic and optical products",
    "27": "Manufacture of electrical equipment",
    "28": "Manufacture of machinery and equipment n.e.c.",
    "29": "Manufacture of motor vehicles, trailers and semi-trailers",
    "30": "Manufacture of other transport equipment",
    "31": "Manufacture of furniture",
    "32": "Other manufacturing",
    "33": "Repair and installation of machinery and equipment",
    "35": "Electricity, gas, steam and air conditioning supply",
    "36": "Water collection, treatment and supply",
    "37": "Sewerage",
    "38": "Waste collection, treatment and disposal activities; materials recovery",
    "39": "Remediation activities and other waste management services",
    "41": "Construction of buildings",
    "42": "Civil engineering",
    "43": "Specialised construction activities",
    "45": "Wholesale and retail trade and repair of motor vehicles and motorcycles",
    "46": "Wholesale trade, except of motor vehicles and motorcycles",
    "47": "Retail trade, except of motor vehicles and motorcycles",
    "49": "Land transport and transport via pipelines",
    "50": "Water transport",
    "51": "Air transport",
    "52": "Warehousing and support activities for transportation",
    "53": "Postal and courier activities",
    "55": "Accommodation",
    "56": "Food and beverage service activities",
    "58": "Publishing activities",
    "59": "Motion picture, video and television programme production, sound recording and "
    "music publishing activities",
    "60": "Programming and broadcasting activities",
    "61": "Telecommunications",
    "62": "Computer programming, consultancy and related activities",
    "63": "Information service activities",
    "64": "Financial service activities, except insurance and pension funding",
    "65": "Insurance, reinsurance and pension funding, except compulsory social security",
    "66": "Activities auxiliary to financial services and insurance activities",
    "68": "Real estate activities",
    "69": "Legal and accounting activities",
    "70": "Activities of head offices; management consultancy activities",
    "71": "Architectural and engineering activities; technical testing and analysis",
    "72": "Scientific research and development",
    "73": "Advertising and market research",
    "74": "Other professional, scientific and technical activities",
    "75": "Veterinary activities",
    "77": "Rental and leasing activities",
    "78": "Employment activities",
    "79": "Travel agency, tour operator and other reservation service and related activities",
    "80": "Security and investigation activities",
    "81": "Services to buildings and landscape activities",
    "82": "Office administrative, office support and other business support activities",
    "84": "Public administration and defence; compulsory social security",
    "85": "Education",
    "86": "Human health activities",
    "87": "Residential care activities",
    "88": "Social work activities without accommodation",
    "90": "Creative, arts and entertainment activities",
    "91": "Libraries, archives, museums and other cultural activities",
    "92": "Gambling and betting activities",
    "93": "Sports activities and amusement and recreation activities",
    "94": "Activities of membership organisations",
    "95": "Repair of computers and personal and household goods",
    "96": "Other personal service activities",
    "97": "Activities of households as employers of domestic personnel",
    "98": "Undifferentiated goods- and services-producing activities of private households "
    "for own use",
    "99": "Activities of extraterritorial organisations and bodies",
}

#: NACE Rev. 2.1 division titles that differ from Rev. 2 (45 no longer exists).
_DIVISIONS_EN_2025_CHANGED = {
    "15": "Manufacture of leather and related products of other materials",
    "33": "Repair, maintenance and installation of machinery and equipment",
    "38": "Waste collection, recovery and disposal activities",
    "39": "Remediation activities and other waste management service activities",
    "46": "Wholesale trade",
    "47": "Retail trade",
    "60": "Programming, broadcasting, news agency and other content distribution activities",
    "61": "Telecommunication",
    "63": "Computing infrastructure, data processing, hosting and other information service "
    "activities",
    "73": "Advertising, market research and public relations activities",
    "90": "Arts creation and performing arts activities",
    "95": "Repair and maintenance of computers, personal and household goods, and motor "
    "vehicles and motorcycles",
    "96": "Personal service activities",
}
DIVISIONS_EN_2025 = {
    **{k: v for k, v in DIVISIONS_EN_2008.items() if k != "45"},
    **_DIVISIONS_EN_2025_CHANGED,
}

#: Hyphenation artefacts in the source's German WZ 2008 titles.
_FIX_DE = {
    "Sozial-versicherung": "Sozialversicherung",
    "Unternehmens-beratung": "Unternehmensberatung",
}

FIELDS = ["code", "level", "section", "title_de", "title_en"]


def _clean(title: str) -> str:
    title = " ".join(title.split())
    for bad, good in _FIX_DE.items():
        title = title.replace(bad, good)
    return title


def _section_of(data: dict[str, dict[str, Any]], code: str) -> str:
    while data[code]["l"] != 1:
        code = data[code]["p"]
    return code


def _sort_key(data: dict[str, dict[str, Any]], code: str) -> tuple[str, int, str]:
    if data[code]["l"] == 1:
        return (min(data[code]["c"]), 0, code)
    return (code[:2], 1, code)


def write_classification(
    data: dict[str, dict[str, Any]],
    sections_en: dict[str, str],
    divisions_en: dict[str, str],
    out: Path,
) -> None:
    rows = []
    for code in sorted(data, key=lambda c: _sort_key(data, c)):
        level = LEVELS[data[code]["l"]]
        title_en = {"section": sections_en, "division": divisions_en}.get(level, {}).get(code, "")
        rows.append(
            {
                "code": code,
                "level": level,
                "section": _section_of(data, code),
                "title_de": _clean(data[code]["t"]),
                "title_en": title_en,
            }
        )
    sections = {r["code"] for r in rows if r["level"] == "section"}
    divisions = {r["code"] for r in rows if r["level"] == "division"}
    assert sections == set(sections_en), sections ^ set(sections_en)
    assert divisions == set(divisions_en), divisions ^ set(divisions_en)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_correspondence(mapping: dict[str, list[tuple[Any, ...]]], out: Path) -> None:
    pairs: dict[str, set[str]] = defaultdict(set)
    for code_2008, targets in mapping.items():
        for target in targets:
            pairs[code_2008[:2]].add(str(target[0])[:2])
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["wz2008_division", "wz2025_division"])
        for div_2008 in sorted(pairs):
            for div_2025 in sorted(pairs[div_2008]):
                writer.writerow([div_2008, div_2025])


def main() -> None:
    from wz_code.data.correspondences import CORRESPONDENCES_2008_TO_2025
    from wz_code.data.wz2008 import WZ_2008_DATA
    from wz_code.data.wz2025 import WZ_2025_DATA

    write_classification(WZ_2025_DATA, SECTIONS_EN_2025, DIVISIONS_EN_2025, HERE / "wz2025.csv")
    write_classification(WZ_2008_DATA, SECTIONS_EN_2008, DIVISIONS_EN_2008, HERE / "wz2008.csv")
    write_correspondence(CORRESPONDENCES_2008_TO_2025, HERE / "wz_correspondence.csv")


if __name__ == "__main__":
    main()
