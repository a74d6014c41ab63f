#!/usr/bin/env bash
# Builds Tests/ConsumerPackage (ChorusSDK only) with the libcurl headers hidden, when this machine allows a
# private mount namespace (root); otherwise builds it normally and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
headers=$(dirname "$(echo '#include <curl/curl.h>' | cc -E -H -x c - 2>&1 >/dev/null | grep -m1 'curl/curl.h' | awk '{print $2}')" 2>/dev/null || true)
build="swift build --package-path Tests/ConsumerPackage"
if [ -n "$headers" ] && [ -d "$headers" ] && [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
    empty=$(mktemp -d)
    echo "building the consumer package with $headers hidden"
    unshare -m bash -c "mount --bind '$empty' '$headers' && ! test -e '$headers/curl.h' && $build && swift run --package-path Tests/ConsumerPackage Consumer"
    rmdir "$empty"
else
    echo "cannot hide the libcurl headers here; building the consumer package normally"
    $build
fi
