#!/usr/bin/env bash
# Validates CII / UBL invoices and Factur-X PDFs with validate.py (XSD + official Schematron; for PDFs also the
# PDF/A-3 + Factur-X structure, qpdf --check and PDFBox Preflight), in the virtualenv setup.sh makes.
# usage: check.sh [--venv DIR] [--expect-fail] [--fr-ctc] FILE...
#   --venv DIR     the virtualenv (default .build/einvoice-venv; made by setup.sh when it has no python yet)
#   --expect-fail  negative samples: every FILE must be rejected by at least one check
#   --fr-ctc       adds the French 2026 reform rules (BR-FR Flux 2)
# Output ends with 'N passed, N failed'; exit 1 on any failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=.build/einvoice-venv
if [ "${1:-}" = "--venv" ]; then venv=$2; shift 2; fi
[ -x "$venv/bin/python" ] || bash "$here/setup.sh" "$venv" >/dev/null
exec "$venv/bin/python" "$here/validate.py" "$@"
