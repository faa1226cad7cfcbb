"""OpenCV-Python's side of bench/vision-vs-opencv.sh, per 640x480 frame: Haar face detection as Kiln's HaarFaceDetector
does it (grey, histogram equalised, detectMultiScale at scale 1.1, 5 neighbours, faces of 30 pixels and up) and the
document scanner of Kiln's DocumentScanner, step for step in OpenCV and numpy. Prints "haar.frame seconds" and
"scan.frame seconds" (the best of several runs of `repeat` frames after a warm-up, divided by `repeat`) and what each
found ("haar.faces", "scan.corners"), so that both sides can be seen to do the same work."""
import math
import sys

import cv2
import numpy as np

from timing import best

frames, cascade_path = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 20
faces_frame = cv2.imread(f"{frames}/faces-640x480.png")
receipt_frame = cv2.imread(f"{frames}/receipt-640x480.png")
cascade = cv2.CascadeClassifier(cascade_path)


def haar(frame):
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    cv2.equalizeHist(gray, gray)
    return cascade.detectMultiScale(gray, 1.1, 5, cv2.CASCADE_SCALE_IMAGE, (30, 30))


# The document scanner, as src/Kiln.Vision/Documents/DocumentScanner.cs does it.
TOLERANCES = (0.02, 0.03, 0.04, 0.05, 0.06, 0.08)
MINIMUM_SUPPORT = 0.2
NEIGHBOURS = [(dx, dy) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def order_corners(points):
    cx = sum(p[0] for p in points) / 4
    cy = sum(p[1] for p in points) / 4
    clockwise = sorted(points, key=lambda p: math.atan2(p[1] - cy, p[0] - cx))
    first = clockwise.index(min(clockwise, key=lambda p: p[0] + p[1]))
    return [clockwise[(first + i) % 4] for i in range(4)]


def contours(binary, minimum_area):
    """Kiln's Contours.Find: external outlines above the area, each measured, the largest first."""
    outlines, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    shapes = []
    for outline in outlines:
        area = cv2.contourArea(outline)
        if area < minimum_area or len(outline) < 3:
            continue
        perimeter = cv2.arcLength(outline, True)
        cv2.boundingRect(outline)
        cv2.moments(outline)
        cv2.contourArea(cv2.convexHull(outline))
        cv2.isContourConvex(cv2.approxPolyDP(outline, 0.02 * perimeter, True))
        shapes.append((area, outline, perimeter))
    shapes.sort(key=lambda s: -s[0])
    return shapes


def quadrilaterals(binary, minimum_area):
    for _, outline, perimeter in contours(binary, minimum_area)[:5]:
        hull = cv2.convexHull(outline)
        for tolerance in TOLERANCES:
            polygon = cv2.approxPolyDP(hull, tolerance * perimeter, True)
            if len(polygon) < 4:
                break
            if len(polygon) > 4:
                continue
            area = cv2.contourArea(polygon)
            if area >= minimum_area and area >= 0.85 * cv2.contourArea(hull):
                yield order_corners([(float(p[0][0]), float(p[0][1])) for p in polygon])
            break


def edge_support(corners, edges):
    height, width = edges.shape
    on = total = 0
    for side in range(4):
        (ax, ay), (bx, by) = corners[side], corners[(side + 1) % 4]
        steps = max(1, int(math.hypot(bx - ax, by - ay)))
        t = np.arange(steps) / steps
        xs = np.round(ax + t * (bx - ax)).astype(int)
        ys = np.round(ay + t * (by - ay)).astype(int)
        hit = np.zeros(steps, bool)
        for dx, dy in NEIGHBOURS:
            px, py = xs + dx, ys + dy
            inside = (px >= 0) & (py >= 0) & (px < width) & (py < height)
            hit[inside] |= edges[py[inside], px[inside]] != 0
        on += int(hit.sum())
        total += steps
    return on / total if total else 0


def intersection(first, second):
    vx1, vy1, x1, y1 = first
    vx2, vy2, x2, y2 = second
    denominator = vx1 * vy2 - vy1 * vx2
    if abs(denominator) < 1e-9:
        return None
    t = ((x2 - x1) * vy2 - (y2 - y1) * vx2) / denominator
    return (x1 + t * vx1, y1 + t * vy1)


def refine(corners, edges):
    ys, xs = np.nonzero(edges)
    points = np.stack([xs, ys], axis=1).astype(np.float32)
    lines = [None] * 4
    for side in range(4):
        (ax, ay), (bx, by) = corners[side], corners[(side + 1) % 4]
        length = math.hypot(bx - ax, by - ay)
        if length < 8:
            continue
        ux, uy = (bx - ax) / length, (by - ay) / length
        along = (points[:, 0] - ax) * ux + (points[:, 1] - ay) * uy
        across = np.abs(-(points[:, 0] - ax) * uy + (points[:, 1] - ay) * ux)
        near = points[(across <= 4) & (along > 0.1 * length) & (along < 0.9 * length)]
        if len(near) >= max(10, 0.3 * length):
            lines[side] = cv2.fitLine(near, cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
    refined = []
    for corner in range(4):
        incoming, outgoing = lines[(corner + 3) % 4], lines[corner]
        point = intersection(incoming, outgoing) if incoming is not None and outgoing is not None else None
        near = point is not None and math.hypot(point[0] - corners[corner][0], point[1] - corners[corner][1]) < 10
        refined.append(point if near else corners[corner])
    return refined


def find_page(image, detection_size=800, minimum_fraction=0.1):
    scale = min(1, detection_size / max(image.shape[1], image.shape[0]))
    small = image.copy() if scale >= 1 else cv2.resize(image, (round(image.shape[1] * scale), round(image.shape[0] * scale)))
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    blurred = cv2.GaussianBlur(gray, (5, 5), 0)
    edges = cv2.Canny(blurred, 75, 200)
    joined = cv2.morphologyEx(edges, cv2.MORPH_DILATE, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    _, bright = cv2.threshold(blurred.copy(), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    minimum_area = minimum_fraction * small.shape[1] * small.shape[0]
    candidates = [(q, edge_support(q, joined)) for binary in (joined, edges, bright) for q in quadrilaterals(binary, minimum_area)]
    candidates = [c for c in candidates if c[1] >= MINIMUM_SUPPORT]
    if not candidates:
        return None
    quad = max(candidates, key=lambda c: cv2.contourArea(np.float32(c[0])) * c[1])[0]
    return [(x / scale, y / scale) for x, y in refine(quad, edges)]


def straighten(image, corners):
    def distance(a, b):
        return math.hypot(a[0] - b[0], a[1] - b[1])
    width = round(max(distance(corners[0], corners[1]), distance(corners[3], corners[2])))
    height = round(max(distance(corners[0], corners[3]), distance(corners[1], corners[2])))
    target = np.float32([(0, 0), (width - 1, 0), (width - 1, height - 1), (0, height - 1)])
    transform = cv2.getPerspectiveTransform(np.float32(corners), target)
    return cv2.warpPerspective(image, transform, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def scan(frame):
    corners = find_page(frame)
    return None if corners is None else (corners, straighten(frame, corners))


def per_frame(name, action, frame):
    seconds, result = best(lambda: [action(frame) for _ in range(repeat)][-1], runs)
    print(f"{name}.frame {seconds / repeat:.6f}", flush=True)
    return result


faces = per_frame("haar", haar, faces_frame)
print(f"haar.faces {len(faces)}", flush=True)
page = per_frame("scan", scan, receipt_frame)
corners = " ".join(f"{x:.0f},{y:.0f}" for x, y in page[0]) if page else "none"
print(f"scan.corners {corners}", flush=True)
