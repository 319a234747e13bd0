"""``zz-desktop logout``: revoke this device's token and forget it (local data stays)."""

from __future__ import annotations

import argparse

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("logout", help=t("log this profile out of the hub"))
    add_profile_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services import sync_service

    store = open_profile(args)
    try:
        sync_service.logout(store)
    finally:
        store.close()
    emit(args, t("Logged out; local data is kept."), {"logged_out": True})
    return 0
