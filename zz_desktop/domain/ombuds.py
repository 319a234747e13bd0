"""The small workflow of an ombuds case (consultation kind ``ombuds``, Haus der
Selbstständigen): received → in clarification → mediated → closed. A case may be closed at any
step (the person withdraws, or nothing can be mediated), and a closed case stays closed — a new
dispute is a new case, so the counts of closed cases never change afterwards. Qt- and store-free;
the consultation service checks every change of state here."""

from __future__ import annotations

from typing import Final

from zz_desktop.domain.enums import ConsultationKind, OmbudsState
from zz_desktop.i18n import t

OMBUDS = ConsultationKind.OMBUDS.value
FIRST: Final = OmbudsState.RECEIVED.value

#: The states each state may move to (staying is always allowed).
NEXT: Final[dict[str, frozenset[str]]] = {
    OmbudsState.RECEIVED.value: frozenset({"in_clarification", "closed"}),
    OmbudsState.IN_CLARIFICATION.value: frozenset({"mediated", "closed"}),
    OmbudsState.MEDIATED.value: frozenset({"closed"}),
    OmbudsState.CLOSED.value: frozenset(),
}


def choices(current: str | None) -> list[str]:
    """The states offered for a case now in ``current`` (a new case: the first state only)."""
    if current not in NEXT:
        return [FIRST]
    return [s.value for s in OmbudsState if s.value == current or s.value in NEXT[current]]


def check(kind: str | None, old: str | None, new: str | None) -> str | None:
    """Why ``old`` → ``new`` is not allowed for a consultation of ``kind`` (None: it is)."""
    if kind != OMBUDS:
        return t("Only an ombuds case has a case state.") if new else None
    if new not in NEXT:
        return t("Please choose the state of the ombuds case.")
    if old is None or old == new:
        return None if old is not None or new == FIRST else t("A new case starts as received.")
    if old not in NEXT or new not in NEXT[old]:
        return t("An ombuds case cannot go from this state to the chosen one.")
    return None
