"""Shipped code lists: completeness, key consistency and sample lookups."""

from __future__ import annotations

from collections import Counter

import pytest

from zz_desktop.domain import codelists as cl

EAST = {"11": 1, "12": 18, "13": 8, "14": 13, "15": 14, "16": 22}


# --- Länder and Kreise ---------------------------------------------------------------------


def test_sixteen_laender() -> None:
    laender = cl.laender()
    assert [land.ags for land in laender] == [f"{i:02d}" for i in range(1, 17)]
    assert len({land.iso for land in laender}) == 16
    assert all(land.iso.startswith("DE-") for land in laender)
    saxony = cl.land("14")
    assert saxony is not None
    assert (saxony.iso, saxony.name_de, saxony.name_en) == ("DE-SN", "Sachsen", "Saxony")
    assert cl.land("17") is None


def test_kreis_keys_unique_and_within_their_land() -> None:
    kreise = cl.kreise()
    keys = [k.ags5 for k in kreise]
    assert len(keys) == len(set(keys))
    land_keys = {land.ags for land in cl.laender()}
    for k in kreise:
        assert len(k.ags5) == 5 and k.ags5.isdigit()
        assert k.ags5[:2] in land_keys
        assert k.land_ags == k.ags5[:2]
        assert k.kind in {"Kreisfreie Stadt", "Landkreis", "Stadt (Berlin)"}
        assert k.name


@pytest.mark.parametrize(("land_ags", "count"), sorted(EAST.items()))
def test_kreis_count_per_eastern_land(land_ags: str, count: int) -> None:
    kreise = cl.kreise(land_ags)
    assert len(kreise) == count
    assert all(k.land_ags == land_ags for k in kreise)


def test_kreisfreie_staedte_in_the_east() -> None:
    by_land = Counter(k.land_ags for k in cl.kreise() if k.kind == "Kreisfreie Stadt")
    assert {ags: by_land[ags] for ags in EAST} == {
        "11": 0,
        "12": 4,
        "13": 2,
        "14": 3,
        "15": 3,
        "16": 5,
    }


@pytest.mark.parametrize(
    ("ags5", "name"),
    [
        ("11000", "Berlin"),
        ("14612", "Dresden"),
        ("15002", "Halle (Saale)"),
        ("16055", "Weimar"),
        ("12054", "Potsdam"),
        ("14713", "Leipzig"),
        ("16063", "Wartburgkreis"),
    ],
)
def test_kreis_lookup(ags5: str, name: str) -> None:
    k = cl.kreis(ags5)
    assert k is not None
    assert k.name == name


def test_eisenach_merged_into_wartburgkreis() -> None:
    assert cl.kreis("16056") is None
    wartburg = cl.kreis_for_ags("16063105")
    assert wartburg is not None and wartburg.name == "Wartburgkreis"


def test_ags_lookups_accept_2_5_8_digits() -> None:
    for ags in ("14", "14612", "14612000"):
        found = cl.land_for_ags(ags)
        assert found is not None and found.name_de == "Sachsen"
    assert cl.kreis_for_ags("14") is None
    dresden = cl.kreis_for_ags("14612000")
    assert dresden is not None and dresden.name == "Dresden"
    for bad in ("", "1", "146", "1461200", "abcde", "99", "14612x00"):
        assert cl.land_for_ags(bad) is None
        assert cl.kreis_for_ags(bad) is None


def test_lists_returned_are_copies() -> None:
    cl.laender().clear()
    cl.kreise().clear()
    assert len(cl.laender()) == 16
    assert cl.kreise()


# --- WZ ------------------------------------------------------------------------------------


def test_wz_sections() -> None:
    assert [c.code for c in cl.wz_codes("WZ2008", "section")] == list("ABCDEFGHIJKLMNOPQRSTU")
    assert [c.code for c in cl.wz_codes("WZ2025", "section")] == list("ABCDEFGHIJKLMNOPQRSTUV")
    for version in ("WZ2008", "WZ2025"):
        for c in cl.wz_codes(version, "section"):
            assert c.title_de and c.title_en
            assert c.section == c.code


def test_wz_divisions() -> None:
    d2008 = {c.code for c in cl.wz_codes("WZ2008", "division")}
    d2025 = {c.code for c in cl.wz_codes("WZ2025", "division")}
    assert len(d2008) == 88
    assert len(d2025) == 87
    assert d2008 - d2025 == {"45"}
    assert d2025 <= d2008
    for version in ("WZ2008", "WZ2025"):
        for c in cl.wz_codes(version, "division"):
            assert len(c.code) == 2 and c.code.isdigit()
            assert c.title_de and c.title_en
            assert cl.wz_code(version, c.section) is not None


def test_wz_codes_unique_and_section_consistent() -> None:
    for version in ("WZ2008", "WZ2025"):
        codes = cl.wz_codes(version)
        assert len({c.code for c in codes}) == len(codes)
        for c in codes:
            if c.level != "section":
                division = cl.wz_code(version, c.code[:2])
                assert division is not None and division.section == c.section


def test_wz_it_services_moved_from_j_to_k() -> None:
    assert cl.wz_section("WZ2008", "62") == "J"
    assert cl.wz_section("WZ2008", "62.01") == "J"
    assert cl.wz_section("WZ2008", "62.01.0") == "J"
    assert cl.wz_section("WZ2025", "62") == "K"
    assert cl.wz_section("WZ2025", "61.10") == "K"
    assert cl.wz_section("WZ2025", "58") == "J"
    assert cl.wz_section("WZ2008", "64") == "K"
    assert cl.wz_section("WZ2025", "64") == "L"
    assert cl.wz_section("WZ2025", "45") is None
    assert cl.wz_section("WZ2008", "45.20") == "G"
    assert cl.wz_section("WZ2025", "00") is None
    assert cl.wz_section("WZ2025", "") is None
    it = cl.wz2008_to_2025("62.01")
    assert it == ["62"]
    assert cl.wz_section("WZ2025", it[0]) == "K"


def test_wz_code_lookup() -> None:
    j = cl.wz_code("WZ2025", "j")
    assert j is not None and j.level == "section" and j.version == "WZ2025"
    assert cl.wz_code("WZ2008", "62.01") is not None
    assert cl.wz_code("WZ2008", "99.99") is None
    with pytest.raises(ValueError):
        cl.wz_codes("WZ2003")  # type: ignore[arg-type]


def test_correspondence_covers_every_wz2008_division() -> None:
    d2025 = {c.code for c in cl.wz_codes("WZ2025", "division")}
    targets: set[str] = set()
    for c in cl.wz_codes("WZ2008", "division"):
        mapped = cl.wz2008_to_2025(c.code)
        assert mapped, c.code
        assert set(mapped) <= d2025
        targets.update(mapped)
    assert targets == d2025
    assert cl.wz2008_to_2025("45.20") == ["46", "47", "95"]
    assert cl.wz2008_to_2025("00") == []


# --- ISCED ---------------------------------------------------------------------------------


def test_isced_levels_and_groups() -> None:
    levels = cl.isced_levels()
    assert [i.level for i in levels] == list(range(9))
    assert all(i.label_de and i.label_en and i.esf_group_de and i.esf_group_en for i in levels)
    expected = {0: "isced_0_2", 2: "isced_0_2", 3: "isced_3_4", 4: "isced_3_4"}
    expected |= {5: "isced_5_8", 8: "isced_5_8"}
    for level, group in expected.items():
        assert cl.isced_group(level) == group
    assert Counter(i.esf_group for i in levels) == {"isced_0_2": 3, "isced_3_4": 2, "isced_5_8": 4}
    for bad in (-1, 9):
        with pytest.raises(ValueError):
            cl.isced_group(bad)


# --- Topics --------------------------------------------------------------------------------


def test_topics() -> None:
    all_topics = cl.topics()
    codes = [t.code for t in all_topics]
    assert len(codes) == len(set(codes))
    assert all(code.isidentifier() and code == code.lower() for code in codes)
    assert {t.group for t in all_topics} == {"zukunftszentrum", "selfemployed"}
    assert len(cl.topics("zukunftszentrum")) == 12
    assert len(cl.topics("selfemployed")) == 7
    ai = cl.topic("ai_at_work")
    assert ai is not None and ai.group == "zukunftszentrum" and ai.label_de and ai.label_en
    ombuds = cl.topic("ombuds_case")
    assert ombuds is not None and ombuds.group == "selfemployed"
    assert cl.topic("nope") is None


# --- Postcodes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("postcode", "lands"),
    [
        ("01067", {"14"}),
        ("99423", {"16"}),
        ("10115", {"11"}),
        ("06108", {"15"}),
        ("39104", {"15"}),
        ("18055", {"13"}),
        ("14467", {"12"}),
        ("98527", {"16"}),
        ("09111", {"14"}),
        ("04109", {"14"}),
        ("03046", {"12"}),
    ],
)
def test_postcode_eastern_cities(postcode: str, lands: set[str]) -> None:
    assert cl.lands_for_postcode(postcode) == lands


def test_postcode_border_regions() -> None:
    assert {"14", "16"} <= cl.lands_for_postcode("04600")  # Altenburg (TH) / Leipzig area
    assert {"12", "14"} <= cl.lands_for_postcode("04910")  # Elsterwerda (BB)
    assert "03" in cl.lands_for_postcode("19273")  # Amt Neuhaus (NI)
    assert "15" in cl.lands_for_postcode("29410")  # Salzwedel (ST)
    assert "15" in cl.lands_for_postcode("38855")  # Wernigerode (ST)
    assert "16" in cl.lands_for_postcode("37308")  # Heilbad Heiligenstadt (TH)
    assert "12" in cl.lands_for_postcode("12529")  # Schönefeld (BB)


@pytest.mark.parametrize("postcode", ["00000", "abc", "", "1011", "101155", "05000", "11000"])
def test_postcode_invalid_or_unassigned(postcode: str) -> None:
    assert cl.lands_for_postcode(postcode) == frozenset()


def test_postcode_lands_are_known() -> None:
    known = {land.ags for land in cl.laender()}
    for prefix in range(100):
        lands = cl.lands_for_postcode(f"{prefix:02d}500")
        assert lands <= known
    # every Land is reachable
    reachable = set().union(*(cl.lands_for_postcode(f"{p:03d}50") for p in range(1000)))
    assert reachable == known


# --- Versions ------------------------------------------------------------------------------


def test_codelist_versions() -> None:
    versions = cl.codelist_versions()
    assert versions["topics"] == "2023.1"
    assert versions["kreise"] == "2025-01-01"
    assert {"laender", "wz2025", "wz2008", "wz_correspondence", "isced", "plz_laender"} <= set(
        versions
    )
    versions.clear()
    assert cl.codelist_versions()
