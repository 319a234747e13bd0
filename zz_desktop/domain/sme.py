"""EU SME classification (Commission Recommendation 2003/361/EC, Annex Art. 2).

micro: < 10 staff and turnover or balance sheet ≤ €2 m; small: < 50 and ≤ €10 m;
medium: < 250 and turnover ≤ €50 m or balance sheet ≤ €43 m; otherwise large.
"""

from __future__ import annotations

from decimal import Decimal

from zz_desktop.domain.enums import SmeClass, TurnoverBand

MICRO_STAFF = 10
SMALL_STAFF = 50
MEDIUM_STAFF = 250
MICRO_MONEY = Decimal(2_000_000)
SMALL_MONEY = Decimal(10_000_000)
MEDIUM_TURNOVER = Decimal(50_000_000)
MEDIUM_BALANCE = Decimal(43_000_000)

#: Upper bound of each turnover band, used when only the band is known.
_BAND_UPPER: dict[TurnoverBand, Decimal | None] = {
    TurnoverBand.UP_TO_2M: MICRO_MONEY,
    TurnoverBand.UP_TO_10M: SMALL_MONEY,
    TurnoverBand.UP_TO_50M: MEDIUM_TURNOVER,
    TurnoverBand.ABOVE_50M: None,
}


def classify_sme(
    staff: int,
    turnover: Decimal | int | None = None,
    balance_sheet: Decimal | int | None = None,
) -> SmeClass:
    """Class of an enterprise from head count and (optional) turnover / balance sheet total.

    The staff ceiling is mandatory; of the two money ceilings an enterprise needs to meet only
    one. Unknown money figures do not disqualify (the head count decides).
    """
    if staff < 0:
        raise ValueError("staff must not be negative")
    for ceiling_staff, turnover_max, balance_max, cls in (
        (MICRO_STAFF, MICRO_MONEY, MICRO_MONEY, SmeClass.MICRO),
        (SMALL_STAFF, SMALL_MONEY, SMALL_MONEY, SmeClass.SMALL),
        (MEDIUM_STAFF, MEDIUM_TURNOVER, MEDIUM_BALANCE, SmeClass.MEDIUM),
    ):
        if staff >= ceiling_staff:
            continue
        if turnover is None and balance_sheet is None:
            return cls
        if turnover is not None and Decimal(turnover) <= turnover_max:
            return cls
        if balance_sheet is not None and Decimal(balance_sheet) <= balance_max:
            return cls
    return SmeClass.LARGE


def classify_sme_band(staff: int | None, band: TurnoverBand | str | None) -> SmeClass | None:
    """Class from head count and a turnover band; ``None`` when the head count is unknown."""
    if staff is None:
        return None
    upper = _BAND_UPPER[TurnoverBand(band)] if band else None
    if band and upper is None:
        # Turnover above €50 m: only a balance sheet ≤ €43 m could keep it an SME; unknown here.
        return classify_sme(staff, turnover=MEDIUM_TURNOVER + 1)
    return classify_sme(staff, turnover=upper)


def is_sme(cls: SmeClass | str | None) -> bool:
    return cls is not None and SmeClass(cls) is not SmeClass.LARGE
