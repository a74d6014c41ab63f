#!/usr/bin/env bash
# Runs the main example and every example program against the built-in fake; fails on the first that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
for example in chorus-demo submit-pdf-invoice submit-structured-invoice send-credit-note deposit-invoice-file \
               list-month-invoices answer-suspension use-curl-transport logging-middleware \
               process-received-invoices validate-subcontractor-invoice follow-works-invoices download-directory; do
    echo "== swift run $example"
    swift run --skip-build "$example"
done
echo "== swift run chorus-demo --recipient"
swift run --skip-build chorus-demo --recipient
