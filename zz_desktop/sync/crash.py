"""Crash injection for tests: ``ZZ_SYNC_CRASH_AT=<step>`` ends the process at that step with
``os._exit(137)`` (like SIGKILL: no cleanup, no commit); ``<step>@N`` at the N-th time the step
is reached (e.g. ``pull.apply_tx@3``: inside the third page of a first sync). Steps are listed
in :data:`STEPS`."""

from __future__ import annotations

import os

STEPS = (
    "round.start",
    "push.marked",
    "push.sent",
    "push.acked_tx",
    "push.acked",
    "pull.fetched",
    "pull.apply_tx",
    "pull.applied",
    "check.fetched",
    "round.end",
)


_reached: dict[str, int] = {}


def crashpoint(step: str) -> None:
    want = os.environ.get("ZZ_SYNC_CRASH_AT")
    if not want:
        return
    name, _, nth = want.partition("@")
    if name != step:
        return
    _reached[step] = _reached.get(step, 0) + 1
    if _reached[step] >= int(nth or 1):
        os._exit(137)
