"""``packaging/check_system_libs.py`` (run by ``make run``/``make test``): Qt plugin libraries
found missing by ``ldd`` become the one ``apt-get install`` line, or are installed — with fake
``ldd``/``ldconfig``/``apt-get`` on PATH — and the real check on this machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "check_system_libs.py"
sys.path.insert(0, str(SCRIPT.parent))
from check_system_libs import package_for  # noqa: E402

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibX11-xcb.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


def _shims(tmp: Path) -> Path:
    """ldd reports missing libraries until the fake apt-get has 'installed' them."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    marker = tmp / "installed"
    (tmp / "ldd.txt").write_text(LDD_MISSING)
    scripts = {
        "ldd": f'[ -e "{marker}" ] && exit 0; cat "{tmp / "ldd.txt"}"',
        # libxcb-cursor is dlopen-ed by Qt: the check looks in the linker cache for it.
        "ldconfig": f'[ -e "{marker}" ] && echo "libxcb-cursor.so.0 (libc6,x86-64) => /x"; exit 0',
        "apt-get": f'echo "$@" >> "{tmp / "apt.log"}"; '
        f'case "$1" in install) touch "{marker}";; esac; exit 0',
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
    return bin_dir


def _check(mode: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), mode], capture_output=True, text=True, env=env, timeout=120
    )


def _env(bin_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return {**env, **extra}


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libEGL.so.1", "libegl1"),
        ("libfontconfig.so.1", "libfontconfig1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_sonames_map_to_debian_packages(soname: str, package: str) -> None:
    assert package_for(soname) == package


def test_missing_libraries_give_the_one_line_that_fixes_it(tmp_path: Path) -> None:
    done = _check("run", _env(_shims(tmp_path), DISPLAY=":7", ZZ_SYSLIBS_NO_INSTALL="1"))
    assert done.returncode == 1
    prefix = "" if os.geteuid() == 0 else "sudo "
    line = (
        f"  {prefix}apt-get install -y --no-install-recommends libx11-xcb1 libxcb-cursor0 "
        "libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"
    )
    assert line in done.stdout.splitlines()
    assert not (tmp_path / "apt.log").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="installs only as root or with sudo")
def test_installs_them_when_allowed(tmp_path: Path) -> None:
    done = _check("run", _env(_shims(tmp_path), DISPLAY=":7"))
    assert done.returncode == 0, done.stdout + done.stderr
    calls = (tmp_path / "apt.log").read_text().splitlines()
    assert calls[0] == "update -qq"
    assert calls[1] == (
        "install -y -qq --no-install-recommends libx11-xcb1 libxcb-cursor0 libxcb-icccm4 "
        "libxcb-keysyms1 libxkbcommon-x11-0"
    )


def test_without_display_it_says_offscreen_and_checks_that_plugin(tmp_path: Path) -> None:
    # The offscreen plugin has the same fake gaps here; what matters is the message and plugin.
    done = _check("run", _env(_shims(tmp_path), ZZ_SYSLIBS_NO_INSTALL="1"))
    assert "starts offscreen" in done.stdout
    assert "Qt (offscreen) needs" in done.stdout
    assert "libxcb-cursor0" not in done.stdout  # only the xcb plugin loads it


def test_real_check_on_this_machine() -> None:
    """Offscreen (what the tests and CI use) must be complete here; the xcb check must answer
    either 'fine' or the apt-get line, never crash."""
    offscreen = _check("run", _env(ZZ_SYSLIBS_NO_INSTALL="1"))
    assert offscreen.returncode == 0, offscreen.stdout + offscreen.stderr
    xcb = _check("run", _env(DISPLAY=":7", ZZ_SYSLIBS_NO_INSTALL="1"))
    assert xcb.returncode == 0 or "apt-get install -y" in xcb.stdout, xcb.stdout + xcb.stderr
    assert "Traceback" not in xcb.stderr
