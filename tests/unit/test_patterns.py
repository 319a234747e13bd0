"""Pattern alerts: two-proportion z-test with Benjamini–Hochberg on perturbed counts — a planted
shift is found; without a shift the alerts stay within the stated false-discovery rate."""

from __future__ import annotations

import random

from zz_desktop.domain.patterns import FDR, benjamini_hochberg, compare, two_proportion_z
from zz_protocol import cellkey


def _published(counts: dict[str, int], rng: random.Random) -> dict[str, int]:
    """As the hub publishes them: perturbed by a random cell key, under 5 left out."""
    out = {}
    for key, n in counts.items():
        value = cellkey.publish(n, rng.randrange(cellkey.KEY_MODULUS), 5)
        if value is not None:
            out[key] = value
    return out


def _draw(rng: random.Random, shares: dict[str, float], n: int) -> dict[str, int]:
    keys = list(shares)
    counts = dict.fromkeys(keys, 0)
    for key in rng.choices(keys, weights=[shares[k] for k in keys], k=n):
        counts[key] += 1
    return counts


SHARES = {f"topic{i}": w for i, w in enumerate([30, 20, 15, 10, 8, 7, 5, 5])}


def test_z_test_and_bh_against_known_values() -> None:
    z, p = two_proportion_z(60, 100, 40, 100)
    assert round(z, 3) == 2.828 and round(p, 4) == 0.0047
    adjusted = benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    assert [round(p, 4) for p in adjusted] == [0.04, 0.0533, 0.0533, 0.5]  # 0.03·4/2 > 0.04·4/3


def test_a_planted_shift_is_found() -> None:
    rng = random.Random(3)
    before = _published(_draw(rng, SHARES, 3000), rng)
    shifted = dict(SHARES, topic3=25)  # topic3 from about 10 % to about 22 %
    after = _published(_draw(rng, shifted, 3000), rng)
    alerts = compare("topic", after, before, "previous")
    assert "topic3" in {a.key for a in alerts}
    top = next(a for a in alerts if a.key == "topic3")
    assert top.share > top.reference_share and top.effect_h > 0.2 and top.p_adjusted < 1e-6


def test_without_a_shift_the_false_discovery_rate_holds() -> None:
    """Over 400 seeds with no shift, any alert is false: the family-wise share of runs with
    one must stay at or under the FDR (under the global null, BH controls exactly that)."""
    runs_with_alerts = 0
    seeds = 400
    for seed in range(seeds):
        rng = random.Random(seed)
        before = _published(_draw(rng, SHARES, 2000), rng)
        after = _published(_draw(rng, SHARES, 2000), rng)
        if compare("topic", after, before, "previous", min_effect=0.0):
            runs_with_alerts += 1
    assert runs_with_alerts / seeds <= FDR + 0.02  # allowance for 400 runs' sampling error


def test_an_alert_concerns_the_filters_named_in_its_key() -> None:
    from zz_desktop.domain.patterns import Alert, concerns

    def alert(dimension: str, key: str) -> Alert:
        return Alert(dimension, key, "previous", 1, 2, 1, 2, 0.5, 0.5, 0.0, 1.0, 1.0, 0.0)

    topic, land = alert("topic", "ai_at_work"), alert("topic × land", "ai_at_work × ST")
    centre, sector = alert("centre × topic", "ZZ-ST × ai_at_work"), alert("sector", "J")
    assert all(concerns(a, {}) for a in (topic, land, centre, sector))
    assert [concerns(a, {"topic": "ai_at_work"}) for a in (topic, land, centre, sector)] == [
        True, True, True, False,
    ]  # fmt: skip
    assert [concerns(a, {"land": "ST"}) for a in (topic, land, centre, sector)] == [
        False, True, False, False,
    ]  # fmt: skip
    assert concerns(centre, {"centre": "ZZ-ST", "topic": "ai_at_work"})
    assert not concerns(centre, {"centre": "ZZ-SN"})
    assert not concerns(land, {"topic": "ai_at_work", "land": "SN"})
