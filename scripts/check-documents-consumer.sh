#!/usr/bin/env bash
# Builds Tests/DocumentsConsumer, a package that depends on the document toolkit alone (product ChorusDocuments), runs
# it (it writes and validates a Factur-X offline), checks that no module of the network SDK was built for it, and
# passes the Factur-X it wrote through the official chain.
set -euo pipefail
cd "$(dirname "$0")/.."
package=Tests/DocumentsConsumer
swift build --package-path "$package"
built=$(find "$package/.build" -name '*.swiftmodule' | xargs -n1 basename | sed 's/\.swiftmodule$//' | sort -u)
for module in ChorusSDK ChorusMock ChorusSDKCurl; do
    if grep -qx "$module" <<< "$built"; then echo "the documents-only package built $module"; exit 1; fi
done
echo "modules built for the documents-only package: $(grep -E '^Chorus' <<< "$built" | tr '\n' ' ')"
out=.build/documents-consumer
mkdir -p "$out"
swift run --package-path "$package" DocumentsConsumer "$out/facturx.pdf"
bash scripts/einvoice/check.sh --venv .build/einvoice-venv "$out/facturx.pdf" | tail -1
