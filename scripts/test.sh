#!/usr/bin/env bash
# Runs every test. First installs the system packages the build needs when they are missing
# (Debian/Ubuntu, as root or with sudo): zlib headers for ChorusMock, libcurl headers for ChorusSDKCurl, and the
# DejaVu fonts the Factur-X tests embed, and poppler's pdftotext, which reads their text back. Then runs the
# integrations package's tests (Integrations/: the PostgreSQL journal) against a throwaway PostgreSQL cluster that
# scripts/postgres-test-cluster.sh installs when missing, starts, and stops again whatever happens
# (CHORUS_SKIP_INTEGRATIONS=1 leaves them out; arguments go to the main package's `swift test` only).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev pkg-config)
pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev pkg-config)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)  # the Factur-X text-extraction test's oracle
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)                  # rewrites Factur-X files for the reader's tests
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

swift test "$@"

if [ "${CHORUS_SKIP_INTEGRATIONS:-0}" != "1" ]; then
    echo "== integrations (Integrations/), against a throwaway PostgreSQL"
    trap 'bash scripts/postgres-test-cluster.sh stop' EXIT
    address=$(bash scripts/postgres-test-cluster.sh start | tail -1)
    CHORUS_TEST_POSTGRES="$address" swift test --package-path Integrations
fi
