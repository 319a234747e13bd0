"""``zz-desktop login``: log this profile in to a hub (binds it to the user's centre)."""

from __future__ import annotations

import argparse
import sys

from zz_desktop.commands.common import add_profile_args, emit, open_profile
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("login", help=t("log this profile in to a hub"))
    add_profile_args(p)
    p.add_argument("--hub", required=True, help=t("hub address, e.g. https://hub.example.org"))
    p.add_argument("--user", required=True, help=t("user name"))
    p.add_argument("--password-stdin", action="store_true", help=t("read the password from stdin"))
    p.add_argument("--device-name", default=None, help=t("name of this device on the hub"))
    p.add_argument(
        "--insecure-http",
        action="store_true",
        help=t("allow an unencrypted http:// hub outside this computer (trusted networks only)"),
    )
    p.set_defaults(run=run)


def _password(args: argparse.Namespace) -> str:
    if not args.password_stdin:
        import getpass

        return getpass.getpass(t("Password: "))
    # With --passphrase-stdin too, the first line is the profile passphrase, the second the password.
    if getattr(args, "passphrase_stdin", False) and not hasattr(args, "_passphrase"):
        args._passphrase = sys.stdin.readline().rstrip("\r\n")
    return sys.stdin.readline().rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    from zz_desktop.services import sync_service

    password = _password(args)
    store = open_profile(args, create=True)
    try:
        result = sync_service.login(
            store,
            args.hub,
            args.user,
            password,
            args.device_name,
            insecure_http=args.insecure_http,
        )
    finally:
        store.close()
    emit(
        args,
        t(
            "Logged in as {user} ({centre}); {moved} local records joined the centre.",
            user=result.display_name,
            centre=result.centre_code,
            moved=result.moved,
        ),
        {
            "username": result.username,
            "role": result.role,
            "centre": result.centre_code,
            "moved": result.moved,
        },
    )
    return 0
