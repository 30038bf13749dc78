#!/bin/sh
# Install what the store and dashboard tests need beyond PyPI: a PostgreSQL server (Debian packages) and
# headless Chromium with its driver. Idempotent; always exits 0: what cannot be installed is reported on
# one line, and the tests that need it skip with the reason.
set -u
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }
have_chromium() { (command -v chromium || command -v chromium-browser) >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }
SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo -n"
updated=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [ -n "$updated" ] || { $SUDO apt-get update -qq >/dev/null 2>&1; updated=1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null 2>&1
}
if have_pg; then echo "ci_services: PostgreSQL server already installed"
elif apt_install postgresql && have_pg; then echo "ci_services: PostgreSQL server installed"
else echo "ci_services: CANNOT install PostgreSQL server; the PostgreSQL store tests will be skipped"; fi
if have_chromium; then echo "ci_services: chromium and chromedriver already installed"
elif apt_install chromium chromium-driver && have_chromium; then echo "ci_services: chromium and chromedriver installed"
else echo "ci_services: CANNOT install chromium/chromium-driver; the dashboard browser tests will be skipped"; fi
exit 0
