"""What runs after ``zz-hub restore`` has put a backup in place, before the hub serves again.

Kept apart from :mod:`zz_hub.backup` so that later work can add steps here without touching how
backups are copied: :func:`after_restore` is the one hook.
"""

from __future__ import annotations

from zz_hub.db import Database
from zz_hub.epoch import begin_new_epoch
from zz_hub.migrate import upgrade


def after_restore(database: Database) -> None:
    """Bring a restored database to this hub's schema (a backup may predate an upgrade) and
    start a new epoch, so that devices learn the hub went back in time (zz_hub/epoch.py)."""
    upgrade(database)
    begin_new_epoch(database)
