"""Python peer of `batchscope bench images --python`: the same kind of image drawn with PIL and numpy.

Usage: pil_peer.py COUNT SIZE OUT_DIR [memory]

Writes COUNT images of SIZE x SIZE pixels to OUT_DIR/train/<class>/<id>.png and one metadata row per
image to OUT_DIR/train/metadata.csv, in one process on one thread, as a PIL user would: per image, a
background of one of five families (park scene, stripes, checkerboard, fractal value noise, wallpaper
motif) drawn with numpy or ImageDraw, eye-like distractor discs (as many as batchscope draws at r = 3:
4 at 64 px), a dog (body, ears, a tilted head, snout, nose) drawn with ImageDraw, two eyes (iris in the class
colour, dark pupil), PNG at zlib level 1 (batchscope's level) and a CSV row.

What it does not do (batchscope does): no noise-to-feature ratio calibration (batchscope measures r on
the 8-bit pixels once or twice per image and re-composes the image), no per-pixel region map, no
SHA-256 of each file, no manifest, no per-sample random streams, no atomic publication of the folder.

Prints one line `seconds=<wall seconds> cpu_seconds=<process CPU seconds>` covering drawing, encoding and
writing (imports excluded, as the Java side excludes JVM start-up). Exits with code 3 and a message when
PIL or numpy is missing.
"""
import math
import os
import sys
import time

try:
    import numpy as np
    from PIL import Image, ImageDraw
except ImportError as missing:
    print(f"missing Python module: {missing.name}", file=sys.stderr)
    sys.exit(3)

CLASSES = {"blue": (40, 110, 235), "amber": (235, 150, 20)}
FAMILIES = ("park", "stripes", "checkerboard", "fractal", "wallpaper")
FURS = ((230, 210, 170), (200, 150, 90), (130, 80, 40), (80, 50, 30), (48, 40, 40), (150, 150, 150),
        (240, 240, 235), (215, 170, 80))
PUPIL = (20, 20, 20)
# batchscope's eye radius at r = 3, in head radii (RatioCalibrator.eyeRadiusFraction)
EYE_FRACTION = 0.25
# images per minibatch buffer of the memory mode, as batchscope's in-memory benchmark
BATCH = 64


def clutter_dots(size):
    """batchscope's distractor count at r = 3 (RatioCalibrator.clutterDots): 4 at 64 px."""
    return round(12 * size * size / 4096 * math.log(3) / math.log(30))
ELLIPSE_POINTS = 24
ANGLES = np.linspace(0, 2 * math.pi, ELLIPSE_POINTS, endpoint=False)
COS, SIN = np.cos(ANGLES), np.sin(ANGLES)


def colour(rng):
    return tuple(int(c) for c in rng.integers(0, 256, 3))


def jitter(base, spread, rng):
    return tuple(int(min(255, max(0, c + d))) for c, d in zip(base, rng.integers(-spread, spread + 1, 3)))


def two_colour(mask, a, b):
    """An RGB array holding colour a where mask is true, b elsewhere."""
    return np.where(mask[..., None], np.array(a, np.uint8), np.array(b, np.uint8))


def stripes(size, grid, rng):
    angle = math.pi * rng.random()
    period = size * (0.06 + 0.19 * rng.random())
    t = (grid[0] * math.cos(angle) + grid[1] * math.sin(angle)) / period + rng.random()
    return two_colour(t - np.floor(t) < 0.3 + 0.4 * rng.random(), colour(rng), colour(rng))


def checkerboard(size, grid, rng):
    cell = size * (0.08 + 0.12 * rng.random())
    angle = 0.5 * math.pi * rng.random()
    c, s = math.cos(angle) / cell, math.sin(angle) / cell
    u = np.floor(grid[0] * c + grid[1] * s + rng.random())
    v = np.floor(-grid[0] * s + grid[1] * c + rng.random())
    return two_colour((u + v) % 2 == 0, colour(rng), colour(rng))


def fractal(size, grid, rng):
    total = np.zeros((size, size), np.float32)
    for octave in range(4):
        cells = 2 + (2 << octave)
        lattice = Image.fromarray(rng.random((cells + 1, cells + 1), np.float32), "F")
        total += 0.5 ** octave * np.asarray(lattice.resize((size, size), Image.BILINEAR))
    t = (total / 1.875)[..., None]
    a, b = np.array(colour(rng), np.float32), np.array(colour(rng), np.float32)
    return (a + t * (b - a)).astype(np.uint8)


def wallpaper(size, grid, rng):
    tile = size * (0.10 + 0.12 * rng.random())
    ty = (grid[1] + tile * rng.random()) / tile
    row = np.floor(ty)
    tx = (grid[0] + tile * rng.random()) / tile + 0.5 * (row % 2)
    dx, dy = tx - np.floor(tx) - 0.5, ty - row - 0.5
    motif = rng.integers(4)
    if motif == 0:
        inside = dx * dx + dy * dy < 0.28 ** 2
    elif motif == 1:
        inside = np.abs(dx) + np.abs(dy) < 0.32
    elif motif == 2:
        ax, ay = np.abs(dx), np.abs(dy)
        inside = (np.minimum(ax, ay) < 0.09) & (np.maximum(ax, ay) < 0.38)
    else:
        ax, ay = np.abs(dx), np.abs(dy)
        inside = (dx * dx + dy * dy < 0.01) | ((ax - 0.2) ** 2 + ay * ay < 0.14 ** 2) \
            | (ax * ax + (ay - 0.2) ** 2 < 0.14 ** 2)
    return two_colour(inside, colour(rng), colour(rng))


def park(size, grid, rng):
    horizon = size * (0.25 + 0.25 * rng.random())
    top, low = np.array(jitter((74, 143, 224), 25, rng), np.float32), np.array(jitter((200, 221, 242), 20, rng), np.float32)
    ys = np.arange(size, dtype=np.float32) + 0.5
    sky = top + np.clip(ys / horizon, 0, 1)[:, None] * (low - top)
    grass = np.array(jitter((78, 154, 60), 30, rng), np.float32) * rng.uniform(0.75, 1.25, (size, size, 1))
    rgb = np.where((ys < horizon)[:, None, None], sky[:, None, :], np.minimum(grass, 255)).astype(np.uint8)
    image = Image.fromarray(rgb, "RGB")
    draw = ImageDraw.Draw(image)
    if rng.random() < 0.5:
        far, near, half = size * rng.random(), size * (0.2 + 0.6 * rng.random()), size * (0.12 + 0.1 * rng.random())
        draw.polygon([(far - 0.02 * size, horizon), (far + 0.02 * size, horizon), (near + half, size),
                      (near - half, size)], fill=jitter((201, 180, 138), 20, rng))
    for _ in range(1 + rng.integers(3)):
        x, height = size * rng.random(), size * (0.2 + 0.25 * rng.random())
        trunk, base = size * (0.015 + 0.015 * rng.random()), horizon + 0.05 * size * rng.random()
        draw.rectangle([x - trunk, base - height, x + trunk, base], fill=jitter((107, 74, 43), 15, rng))
        r = height * (0.35 + 0.2 * rng.random())
        draw.ellipse([x - r, base - height - r, x + r, base - height + r], fill=jitter((47, 110, 42), 20, rng))
    if rng.random() < 0.5:
        width, plank = size * (0.2 + 0.15 * rng.random()), max(1.0, 0.025 * size)
        x, seat = (size - width) * rng.random(), horizon + (size - horizon) * (0.2 + 0.5 * rng.random())
        fill = jitter((122, 82, 48), 15, rng)
        draw.rectangle([x, seat - 3 * plank, x + width, seat - 2 * plank], fill=fill)
        draw.rectangle([x, seat, x + width, seat + plank], fill=fill)
        draw.rectangle([x + plank, seat, x + 2 * plank, seat + 3 * plank], fill=fill)
        draw.rectangle([x + width - 2 * plank, seat, x + width - plank, seat + 3 * plank], fill=fill)
    return image


PAINTERS = {"park": park, "stripes": stripes, "checkerboard": checkerboard, "fractal": fractal,
            "wallpaper": wallpaper}


def ellipse(cx, cy, rx, ry, tilt):
    """Points of an ellipse with half-axes rx, ry rotated by tilt radians about its centre."""
    c, s = math.cos(tilt), math.sin(tilt)
    x, y = rx * COS, ry * SIN
    return list(zip((cx + c * x - s * y).tolist(), (cy + s * x + c * y).tolist()))


def dog(draw, size, iris, rng):
    """Draws a dog; returns its look for the metadata row."""
    r = size * rng.uniform(0.15, 0.21)
    hx, hy = rng.uniform(1.25 * r, size - 1.25 * r), rng.uniform(1.5 * r, size - 1.15 * r)
    width, tilt = rng.uniform(0.85, 1.1), rng.uniform(-0.5, 0.5)
    fur = jitter(FURS[rng.integers(len(FURS))], 18, rng)
    ear = tuple(int(c * (1 - rng.uniform(0, 0.4))) for c in fur)
    snout = tuple(int(c + (255 - c) * rng.uniform(0.15, 0.45)) for c in fur)
    c, s = math.cos(tilt), math.sin(tilt)

    def head(u, v):
        """Head frame (head radii, tilted) to pixels."""
        return hx + r * (c * u - s * v), hy + r * (s * u + c * v)

    bx, rx, ry = hx + r * rng.uniform(-0.7, 0.7), r * rng.uniform(1.0, 1.5), r * rng.uniform(0.8, 1.2)
    draw.ellipse([bx - rx, hy + 1.5 * r - ry, bx + rx, hy + 1.5 * r + ry], fill=fur)
    ears = ("floppy", "pointed", "round")[rng.integers(3)]
    for side in (-1, 1):
        x, y = head(side * 0.92, 0.1)
        if ears == "floppy":
            draw.polygon(ellipse(x, y, 0.3 * r, 0.65 * r, tilt - side * 0.25), fill=ear)
        elif ears == "pointed":
            draw.polygon([head(side * 0.3, -0.8), head(side * 0.95, -0.4), head(side * 0.85, -1.45)], fill=ear)
        else:
            x, y = head(side * 0.7, -0.8)
            draw.ellipse([x - 0.33 * r, y - 0.33 * r, x + 0.33 * r, y + 0.33 * r], fill=ear)
    draw.polygon(ellipse(hx, hy, width * r, r, tilt), fill=fur)
    snout_y, snout_h = rng.uniform(0.35, 0.5), rng.uniform(0.28, 0.38)
    draw.polygon(ellipse(*head(0, snout_y), rng.uniform(0.38, 0.55) * r, snout_h * r, tilt), fill=snout)
    draw.polygon(ellipse(*head(0, snout_y - 0.45 * snout_h), 0.16 * r, 0.11 * r, tilt), fill=(30, 24, 24))
    eye_x, eye_y = rng.uniform(0.32, 0.42), rng.uniform(-0.28, -0.08)
    eye = max(1.0, r * EYE_FRACTION * rng.uniform(0.9, 1.1))
    for side in (-1, 1):
        x, y = head(side * eye_x, eye_y)
        draw.ellipse([x - eye, y - eye, x + eye, y + eye], fill=iris)
        pupil = 0.4 * eye
        draw.ellipse([x - pupil, y - pupil, x + pupil, y + pupil], fill=PUPIL)
    return hx, hy, r, math.degrees(tilt), fur, ears, eye


def main():
    count, size, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    in_memory = len(sys.argv) > 4 and sys.argv[4] == "memory"
    start = time.perf_counter()
    cpu_start = time.process_time()
    rng = np.random.default_rng(0)
    centres = np.arange(size, dtype=np.float64) + 0.5
    grid = np.meshgrid(centres, centres)
    split = os.path.join(out, "train")
    for name in CLASSES if not in_memory else ():
        os.makedirs(os.path.join(split, name), exist_ok=True)
    rows = ["id,path,label,background,head_x,head_y,head_radius_px,tilt_deg,fur,ears,eye_radius_px\n"]
    if in_memory:
        pixels = np.empty((BATCH, size, size, 3), np.uint8)
        labels = np.empty(BATCH, np.int32)
    dots = clutter_dots(size)
    for i in range(count):
        label = ("blue", "amber")[rng.integers(2)]
        family = FAMILIES[rng.integers(len(FAMILIES))]
        background = PAINTERS[family](size, grid, rng)
        image = background if isinstance(background, Image.Image) else Image.fromarray(background, "RGB")
        draw = ImageDraw.Draw(image)
        names = tuple(CLASSES)
        for _ in range(dots):
            x, y, radius = size * rng.random(), size * rng.random(), max(1.0, size * (0.025 + 0.025 * rng.random()))
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=CLASSES[names[rng.integers(2)]])
            draw.ellipse([x - 0.4 * radius, y - 0.4 * radius, x + 0.4 * radius, y + 0.4 * radius], fill=PUPIL)
        hx, hy, r, tilt, fur, ears, eye = dog(draw, size, CLASSES[label], rng)
        if in_memory:
            pixels[i % BATCH] = np.asarray(image)
            labels[i % BATCH] = tuple(CLASSES).index(label)
            continue
        path = f"train/{label}/{i:07d}.png"
        image.save(os.path.join(out, path), "PNG", compress_level=1)
        rows.append(f"{i:07d},{path},{label},{family},{hx:.6g},{hy:.6g},{r:.6g},{tilt:.6g},"
                    f"#{fur[0]:02x}{fur[1]:02x}{fur[2]:02x},{ears},{eye:.6g}\n")
    if not in_memory:
        with open(os.path.join(split, "metadata.csv"), "w") as csv:
            csv.writelines(rows)
    print(f"seconds={time.perf_counter() - start:.6f} cpu_seconds={time.process_time() - cpu_start:.6f}")


if __name__ == "__main__":
    main()
