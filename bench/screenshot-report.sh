#!/usr/bin/env bash
# Renders a report.html to a PNG with headless Chromium, to look at the page as a user would.
# Usage: bench/screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
# Needs Debian's chromium (apt-get install -y chromium). Makes no network requests: the report is
# self-contained and Chromium's background services are switched off.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
    exit 2
fi
report=$(realpath "$1")
out=$(realpath -m "$2")
size=${3:-1280x3000}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
    echo "chromium is not installed: apt-get install -y chromium" >&2
    exit 2
fi
if [[ ! -f "$report" ]]; then
    echo "cannot read $report: no such file" >&2
    exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" --window-size="${size/x/,}" \
    --screenshot="$out" "file://$report" >/dev/null 2>&1
echo "$out"
