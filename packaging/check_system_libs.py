"""Check the system libraries that Qt's platform plugin needs; install them where allowed.

``make run`` and ``make test`` call this before starting Qt. It runs ``ldd`` on the platform
plugin inside the venv's PySide6 (``Qt/plugins/platforms/libqxcb.so`` with a display,
``libqoffscreen.so`` without one), adds the libraries Qt opens only at run time (libxcb-cursor),
maps every missing one to its Debian/Ubuntu package and then

- installs them with ``apt-get`` when it may: as root, or with password-less ``sudo``, non-
  interactively (``ZZ_SYSLIBS_NO_INSTALL=1`` turns that off);
- or stops (exit 1) with the one ``apt-get install …`` line that fixes it.

It also says whether the app will start offscreen (no DISPLAY/WAYLAND_DISPLAY). Run it with the
venv's Python: ``python packaging/check_system_libs.py run|test [--python PY]``.
Standard library only: it must work before anything else does.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Libraries Qt's xcb plugin loads with dlopen (ldd cannot see them): soname → package.
RUNTIME_XCB = {"libxcb-cursor.so.0": "libxcb-cursor0"}
#: Sonames whose Debian package name does not follow the usual rule (see :func:`package_for`).
SPECIAL = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
    "libGLX.so.0": "libglx0",
}
#: Command-line tools the test suite needs (command → package); checked for ``test`` only.
TEST_TOOLS = {
    "dbus-run-session": "dbus",
    "gnome-keyring-daemon": "gnome-keyring",
    "pdftoppm": "poppler-utils",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def package_for(soname: str) -> str:
    """Debian's rule: ``libfoo-bar.so.3`` is in ``libfoo-bar3``; a name ending in a digit gets a
    hyphen before the version (``libdbus-1.so.3`` → ``libdbus-1-3``); names are lower case."""
    if soname in SPECIAL:
        return SPECIAL[soname]
    if soname in RUNTIME_XCB:
        return RUNTIME_XCB[soname]
    base, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    base = base.lower()
    if not version:
        return base
    return f"{base}-{version}" if base[-1].isdigit() else f"{base}{version}"


def plugin_dir(python: str | None) -> Path:
    """``PySide6/Qt/plugins/platforms`` of the given Python (default: this one)."""
    if python and Path(python).resolve() != Path(sys.executable).resolve():
        code = "import importlib.util as u; print(u.find_spec('PySide6').origin)"
        origin = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
        root = Path(origin.stdout.strip()).parent
    else:
        spec = importlib.util.find_spec("PySide6")
        if spec is None or spec.origin is None:
            raise SystemExit("PySide6 is not installed in this Python (run `make venv` first)")
        root = Path(spec.origin).parent
    return root / "Qt" / "plugins" / "platforms"


def missing_sonames(plugin: Path) -> list[str]:
    if not plugin.exists():
        raise SystemExit(f"Qt platform plugin not found: {plugin}")
    # Qt's own libraries are found through the plugin's RUNPATH; only system ones are missing.
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
    return sorted(set(_NOT_FOUND.findall(done.stdout + done.stderr)))


def runtime_missing() -> list[str]:
    """dlopen-ed xcb libraries that the dynamic linker cannot find."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    extra = os.environ.get("LD_LIBRARY_PATH", "").split(":")
    found = []
    for soname in RUNTIME_XCB:
        if soname in cache or any(p and (Path(p) / soname).exists() for p in extra):
            found.append(soname)
    return [s for s in RUNTIME_XCB if s not in found]


def have_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def may_install() -> list[str] | None:
    """The prefix for apt-get when we may install (``[]`` as root, ``["sudo", "-n"]``), else None."""
    if os.environ.get("ZZ_SYSLIBS_NO_INSTALL") == "1" or shutil.which("apt-get") is None:
        return None
    if os.geteuid() == 0:
        return []
    if (
        shutil.which("sudo")
        and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    ):
        return ["sudo", "-n"]
    return None


def install_line(packages: list[str]) -> str:
    sudo = "" if os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get install -y --no-install-recommends {' '.join(packages)}"


def needed(mode: str, python: str | None) -> tuple[list[str], str]:
    """Missing packages and the name of the plugin they were checked for."""
    platforms = plugin_dir(python)
    platform = os.environ.get("QT_QPA_PLATFORM") or ("xcb" if have_display() else "offscreen")
    if mode == "test":
        platform = "offscreen"  # the tests always run offscreen
    plugin = platforms / f"libq{platform}.so"
    sonames = missing_sonames(plugin) if plugin.exists() or platform in ("xcb", "offscreen") else []
    if platform == "xcb":
        sonames += runtime_missing()
    packages = sorted({package_for(s) for s in sonames})
    if mode == "test":
        packages += sorted({p for cmd, p in TEST_TOOLS.items() if shutil.which(cmd) is None})
    return packages, platform


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("run", "test"))
    parser.add_argument("--python", help="the venv's Python (default: this one)")
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        return 0
    packages, platform = needed(args.mode, args.python)
    if args.mode == "run" and platform == "offscreen" and not os.environ.get("QT_QPA_PLATFORM"):
        print(
            "No display found (DISPLAY and WAYLAND_DISPLAY are empty): the app starts offscreen. "
            "Set DISPLAY to see its window."
        )
    if not packages:
        return 0
    print(f"Qt ({platform}) needs system packages that are missing: {' '.join(packages)}")
    prefix = may_install()
    if prefix is None:
        print("Install them with:")
        print(f"  {install_line(packages)}")
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing: {' '.join(packages)}")
    for step in (["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", *packages]):
        if subprocess.run([*prefix, "apt-get", *step], env=env).returncode != 0:
            print(f"apt-get failed. Install them by hand:\n  {install_line(packages)}")
            return 1
    still, _ = needed(args.mode, args.python)
    if still:
        print(f"Still missing after apt-get: {' '.join(still)}\n  {install_line(still)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
