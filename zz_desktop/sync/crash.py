"""Crash injection for tests: ``ZZ_SYNC_CRASH_AT=<step>`` ends the process at that step with
``os._exit(137)`` (like SIGKILL: no cleanup, no commit). Steps are listed in :data:`STEPS`."""

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


def crashpoint(step: str) -> None:
    want = os.environ.get("ZZ_SYNC_CRASH_AT")
    if want and want == step:
        os._exit(137)
