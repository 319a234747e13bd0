"""UUIDv7 ids made on the device (time-ordered, never renumbered)."""

from __future__ import annotations

import os
import random
import time
import uuid


def uuid7(ms: int | None = None, rng: random.Random | None = None) -> str:
    """A UUIDv7 string; ``ms`` and ``rng`` make it deterministic (demo data with ``--seed``)."""
    if ms is None:
        ms = time.time_ns() // 1_000_000
    rand = rng.getrandbits(74) if rng is not None else int.from_bytes(os.urandom(10), "big") >> 6
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rand >> 62) << 64  # 12 bits rand_a
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def new_id() -> str:
    return uuid7()
