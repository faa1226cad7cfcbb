#!/usr/bin/env bash
# Writes the README's platform pictures from the journey test's screenshots (1280×800 windows), shrunk to 800×500 PNGs
# with the kiln command itself. Run the test first:
#   dotnet test tests/Kiln.E2E.Tests -c Release --filter "FullyQualifiedName~JourneyInTheBrowserTests"
# Usage: docs/pictures/make-journey.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
shots=TestResults/screenshots
out=docs/pictures
found=0
for shot in "$shots"/journey-*.png; do
    [ -e "$shot" ] || break
    ./kiln vision edit "$shot" --ops resize:800:500 --out "$out/$(basename "$shot")"
    found=$((found + 1))
done
if [ "$found" -eq 0 ]; then
    echo "no journey screenshots in $shots: run the journey test first (see the top of this script)" >&2
    exit 1
fi
du -ch "$out"/journey-*.png | tail -1
