#!/bin/sh
# Charts and PDF reports need fontconfig and a TrueType font (DejaVu Sans is the first choice).
# On a bare Debian/Ubuntu machine, where we are root, install them; elsewhere say what is missing.
# Used by ./mbp and .ci/run; safe to run again (it does nothing when the fonts are there).
set -eu
have_fonts() {
    command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -n 1)" ]
}
have_fonts && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "mbp: installing fontconfig and DejaVu fonts for charts and reports (apt-get)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q --no-install-recommends fontconfig fonts-dejavu-core; } >/dev/null
    have_fonts && exit 0
fi
echo "mbp: charts and reports need fontconfig and a TrueType font; install them, e.g." \
    "apt-get install -y fontconfig fonts-dejavu-core" >&2
exit 1
