#!/usr/bin/env bash
# `make run`: a local hub with demo centres and accounts on 127.0.0.1, a demo profile logged into
# it, and the desktop app on that profile — the whole system, sync included, at once.
# Everything lives in .local/ inside the checkout; your real profile is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
LOCAL="$PWD/.local"
PROFILE="$LOCAL/profile-berater1"
HUB_DB="sqlite:///$LOCAL/hub.db"
PORT="${ZZ_HUB_PORT:-8765}"
HUB_URL="http://127.0.0.1:$PORT"
mkdir -p "$LOCAL"

if ! $BIN/python -c "import sys; from zz_desktop.store.keys import keyring_available as k; sys.exit(0 if k() else 1)"; then
  # No keyring backend (headless Linux): the demo profile is protected by a demo passphrase.
  export ZZ_PASSPHRASE="${ZZ_PASSPHRASE:-demo}"
  echo "Kein Schlüsselbund gefunden – das Demo-Profil ist mit der Passphrase \"$ZZ_PASSPHRASE\" geschützt."
fi

hub_pid=""
cleanup() { [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null || true; }
trap cleanup EXIT

$BIN/zz-hub demo --database "$HUB_DB" >/dev/null
$BIN/zz-hub serve --database "$HUB_DB" --host 127.0.0.1 --port "$PORT" >"$LOCAL/hub.log" 2>&1 &
hub_pid=$!
for _ in $(seq 1 50); do
  if $BIN/python -c "import httpx,sys; httpx.get('$HUB_URL/api/v1/health', timeout=0.5).raise_for_status()" 2>/dev/null; then break; fi
  sleep 0.2
done
echo "Hub läuft auf $HUB_URL (Konten: berater1, berater2, leitung, koordination – Passwort: demo)"

if [ ! -f "$PROFILE/profile.json" ]; then
  echo "demo" | $BIN/zz-desktop login --profile "$PROFILE" --hub "$HUB_URL" --user berater1 --password-stdin
  $BIN/zz-desktop demo --profile "$PROFILE" --consultations "${ZZ_DEMO_CONSULTATIONS:-3000}"
  $BIN/zz-desktop sync --profile "$PROFILE" || echo "Erste Synchronisation fehlgeschlagen – die App versucht es erneut."
fi

# No display: offscreen (packaging/check_system_libs.py, run by `make run`, has said so).
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && [ "$(uname)" = Linux ]; then
  export QT_QPA_PLATFORM=offscreen
fi
$BIN/zz-desktop --profile "$PROFILE"
