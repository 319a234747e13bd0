#!/usr/bin/env bash
# `make package`: the one-folder frozen build (dist/zz-desktop/) and a .deb around it
# (dist/zz-desktop_VERSION_ARCH.deb, installs to /opt/zz-desktop with a menu entry).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
started=$(date +%s)
$BIN/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/zz-desktop.spec
echo "frozen build: dist/zz-desktop ($(du -sh dist/zz-desktop | cut -f1)) in $(( $(date +%s) - started )) s"

command -v dpkg-deb >/dev/null || { echo "dpkg-deb missing: no .deb built"; exit 0; }
version=$($BIN/python -c "from importlib.metadata import version; print(version('zz-desktop'))")
arch=$(dpkg --print-architecture)
root=build/deb/zz-desktop
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/metainfo" "$root/usr/share/icons/hicolor/scalable/apps"
cp -a dist/zz-desktop "$root/opt/zz-desktop"
ln -s /opt/zz-desktop/zz-desktop "$root/usr/bin/zz-desktop"
cp packaging/linux/de.zukunftszentren.desktop.desktop "$root/usr/share/applications/"
cp packaging/linux/de.zukunftszentren.desktop.metainfo.xml "$root/usr/share/metainfo/"
cp resources/icons/app.svg "$root/usr/share/icons/hicolor/scalable/apps/de.zukunftszentren.desktop.svg"
size=$(du -sk "$root" | cut -f1)
# The system libraries Qt's xcb plugin needs (see packaging/check_system_libs.py).
cat > "$root/DEBIAN/control" <<CONTROL
Package: zz-desktop
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Installed-Size: $size
Depends: libegl1, libgl1, libfontconfig1, libxkbcommon0, libxkbcommon-x11-0, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-randr0, libxcb-xkb1, libdbus-1-3
Recommends: gnome-keyring
Maintainer: Zukunftszentren <noreply@zukunftszentren.invalid>
Description: Zukunftszentren Desktop – Beratungsdokumentation, auch offline
 Contacts, consultations and ESF reports of the Zukunftszentren, encrypted on
 the device and synchronised with the programme's hub.
CONTROL
# gzip: several times faster to build than the default xz, for little more size (CI time).
dpkg-deb -Zgzip --build --root-owner-group "$root" "dist/zz-desktop_${version}_${arch}.deb" >/dev/null
echo "package: dist/zz-desktop_${version}_${arch}.deb ($(du -h "dist/zz-desktop_${version}_${arch}.deb" | cut -f1))"
echo "make package took $(( $(date +%s) - started )) s"
