"""Writes the 640x480 frames of bench/vision-vs-opencv.sh as PNG, so that both sides read the same pixels: the group
photo faces/group/obama_and_biden.jpg cut to 4:3 about its centre, and the receipt images/documents/receipt_02.jpg
turned on its side (a 4:3 landscape photo), each resized with pixel-area averaging."""
import sys

import cv2

shared, out = sys.argv[1], sys.argv[2]


def four_by_three(image):
    height, width = image.shape[:2]
    target = height * 4 // 3
    if target <= width:
        left = (width - target) // 2
        return image[:, left:left + target]
    target = width * 3 // 4
    top = (height - target) // 2
    return image[top:top + target]


faces = cv2.imread(f"{shared}/datasets/faces/group/obama_and_biden.jpg")
receipt = cv2.rotate(cv2.imread(f"{shared}/datasets/images/documents/receipt_02.jpg"), cv2.ROTATE_90_CLOCKWISE)
for name, image in (("faces", faces), ("receipt", receipt)):
    frame = cv2.resize(four_by_three(image), (640, 480), interpolation=cv2.INTER_AREA)
    cv2.imwrite(f"{out}/{name}-640x480.png", frame)
