#!/usr/bin/env bash
# Lints Sources, Tests and Examples with the toolchain's swift-format and the repository's .swift-format (120 columns).
# The code base predates the configuration, so this is a ratchet: the number of findings per rule may not grow
# beyond scripts/format-baseline.txt (lower it when you fix some: `bash scripts/check-format.sh --update`).
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=scripts/format-baseline.txt
current=$(swift format lint --configuration .swift-format -r Sources Tests Examples 2>&1 \
    | sed -n 's/.*warning: \[\([A-Za-z]*\)\].*/\1/p' | sort | uniq -c | awk '{print $2, $1}' | sort)
if [ "${1:-}" = "--update" ]; then echo "$current" > "$baseline"; echo "baseline updated"; exit 0; fi
worse=$(join -a1 -e 0 -o 0,1.2,2.2 <(echo "$current") <(sort "$baseline") | awk '$2 > $3 {print "  " $1 ": " $2 " (baseline " $3 ")"}')
if [ -n "$worse" ]; then echo "swift-format findings grew:"; echo "$worse"; exit 1; fi
echo "swift-format: $(echo "$current" | awk '{n += $2} END {print n + 0}') findings, none beyond the baseline"
