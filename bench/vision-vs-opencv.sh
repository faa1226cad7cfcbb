#!/usr/bin/env bash
# Kiln.Vision beside OpenCV-Python (Debian's python3-opencv) per 640x480 frame: Haar face detection (grey, equalised,
# detectMultiScale 1.1 / 5 neighbours / 30 px) and the document scanner (Kiln's pipeline, ported step for step to
# OpenCV and numpy in bench/vision_opencv.py), each side in its own process on the same PNG frames; prints the best
# per-frame times after a warm-up, Kiln/OpenCV-Python ratios (below 1 means Kiln is faster) and what each side found.
# Then Kiln's neural face detectors on the same frame, as frames per second: YuNet and UltraFace through ONNX Runtime,
# and YuNet through OpenCV's own DNN engine (FaceDetectorYN) for reference. Both sides use both cores.
# Usage: bench/vision-vs-opencv.sh [runs] [frames per run]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
repeat=${2:-20}
python=/usr/bin/python3
shared=${KILN_SHARED:-$(cd .. && pwd)/shared}
frames=bench/out/vision
mkdir -p "$frames"
[ -f "$frames/receipt-640x480.png" ] || "$python" bench/make_vision_frames.py "$shared" "$frames"
dotnet build bench/Kiln.Bench -c Release -nologo -v:quiet -clp:ErrorsOnly >/dev/null

load=$(cut -d' ' -f1 /proc/loadavg)
dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll vision "$frames" "$runs" "$shared/models" "$repeat" | tee bench/out/vision-kiln.txt >&2
(cd bench && "$python" vision_opencv.py "out/vision" "$shared/models/haarcascades/haarcascade_frontalface_default.xml" "$runs" "$repeat") |
  tee bench/out/vision-opencv.txt >&2

opencv_version=$("$python" -c 'import cv2; print(cv2.__version__)')
echo "$(nproc) cores, 640x480 frames, OpenCV-Python $opencv_version (Kiln: OpenCvSharp's OpenCV 4.13), best of $runs runs of $repeat frames; load average at start $load"
awk -v load="$load" 'BEGIN { if (load + 0 >= 1.5) print "the machine was busy (load >= 1.5): these times must be measured again on a quiet machine" }'
printf '%-24s %12s %12s %9s\n' "per frame" kiln opencv-py kiln/py
join <(grep '\.frame' bench/out/vision-kiln.txt | sort) <(grep '\.frame' bench/out/vision-opencv.txt | sort) |
  awk '{ printf "%-24s %10.2fms %10.2fms %8.2fx\n", $1, $2 * 1000, $3 * 1000, $2 / $3 }'
for what in haar.faces scan.corners; do
  echo "$what: kiln $(grep "^$what " bench/out/vision-kiln.txt | cut -d' ' -f2-), opencv-py $(grep "^$what " bench/out/vision-opencv.txt | cut -d' ' -f2-)"
done
printf '%-24s %12s %12s\n' "neural, kiln only" "per frame" FPS
grep -E '^(yunet|ultraface|yunet-opencv-dnn)\.frame' bench/out/vision-kiln.txt |
  awk '{ printf "%-24s %10.2fms %12.1f\n", $1, $2 * 1000, 1 / $2 }'
