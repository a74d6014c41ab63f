#!/usr/bin/env bash
# Builds the DocC documentation of ChorusSDK, ChorusDocuments and ChorusMock with the toolchain's docc, warnings treated as errors.
# Output: .build-docs/ChorusSDK.doccarchive and .build-docs/ChorusMock.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .build-docs  # a cached build emits no symbol graphs: always start clean
for module in ChorusSDK ChorusDocuments ChorusMock; do
    graphs=.build-docs/symbol-graphs-$module
    mkdir -p "$graphs"
    swift build --scratch-path .build-docs --target "$module" \
        -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs"
    # Only this module's own symbol graphs (ChorusMock's build also emits ChorusSDK's).
    find "$graphs" -name '*.symbols.json' ! -name "$module.symbols.json" ! -name "$module@*.symbols.json" -delete
    docc convert "Sources/$module/Documentation.docc" --additional-symbol-graph-dir "$graphs" \
        --fallback-display-name "$module" --fallback-bundle-identifier "org.chorussdk.$module" \
        --output-path ".build-docs/$module.doccarchive" --warnings-as-errors
    echo "documentation built: .build-docs/$module.doccarchive"
done
