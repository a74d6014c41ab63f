#!/usr/bin/env bash
# Builds the DocC documentation of ChorusSDK with the toolchain's docc, warnings treated as errors.
# Output: .build-docs/ChorusSDK.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
graphs=.build-docs/symbol-graphs
rm -rf .build-docs  # a cached build emits no symbol graphs: always start clean
rm -rf "$graphs" && mkdir -p "$graphs"
swift build --scratch-path .build-docs --target ChorusSDK \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs"
docc convert Sources/ChorusSDK/Documentation.docc --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name ChorusSDK --fallback-bundle-identifier org.chorussdk.ChorusSDK \
    --output-path .build-docs/ChorusSDK.doccarchive --warnings-as-errors
echo "documentation built: .build-docs/ChorusSDK.doccarchive"
