#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a database `test` (trust auth for
# local tests). Installs and starts it from Debian packages where it is missing.
set -euo pipefail
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
pg_ready() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }
if ! pg_ready; then
  if ! command -v pg_ctlcluster >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
  ver="$(ls /etc/postgresql | sort -V | tail -1)"
  if [ -z "$ver" ]; then echo "no PostgreSQL cluster found" >&2; exit 1; fi
  hba="/etc/postgresql/$ver/main/pg_hba.conf"
  if ! grep -q "zz-desktop-ci" "$hba"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust # zz-desktop-ci\nlocal all all trust # zz-desktop-ci' "$hba"
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { echo "PostgreSQL did not start" >&2; exit 1; }
if ! psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -c "create database test" >/dev/null
fi
echo "PostgreSQL ready on 127.0.0.1:5432"
