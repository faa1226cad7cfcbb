#!/usr/bin/env bash
# Writes the README's vision pictures from the shared datasets with the kiln command itself:
# the receipt scan (outline found, then the straightened page), YuNet faces and an edit with --compare.
# Sources and licences: receipt_01.jpg from FrancescElies/Four-Point-Invoice-Transform-with-OpenCV (MPL-2.0);
# messi5.jpg and fruits.jpg from OpenCV's sample data (Debian's opencv-doc; Apache-2.0 and BSD-3-Clause).
# Usage: docs/pictures/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
images=${KILN_SHARED:-$(cd .. && pwd)/shared}/datasets/images
out=docs/pictures
./kiln vision scan "$images/documents/receipt_01.jpg" --outline "$out/scan-found.jpg" --out "$out/scan-page.jpg"
./kiln vision faces "$images/opencv-samples/messi5.jpg" --detector yunet --out "$out/faces-yunet.jpg"
./kiln vision edit "$images/opencv-samples/fruits.jpg" --ops 'blur:5,canny:50:150' --compare --out "$out/edit-compare.jpg"
