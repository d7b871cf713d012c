import { crc32, deflateSync } from 'node:zlib';

/**
 * A very small vector rasteriser and PNG writer, enough to draw the app icons
 * from a few shapes without an image library.
 *
 * Shapes are signed distance functions (negative inside, positive outside) in
 * "design units"; a View maps pixels onto those units. Each pixel is supersampled
 * on an n×n grid, so edges are anti-aliased by coverage.
 */

// Taken out of the global Math once: the rasteriser calls them millions of times,
// and under Jest (a vm context) every lookup of a global is many times slower.
const { abs, cos, hypot, max, min, PI, round, sin, sqrt } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

/** Signed distance from a point to a shape: < 0 inside, > 0 outside. */
export type Sdf = (x: number, y: number) => number;

export type Point = readonly [number, number];

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface Layer {
  shape: Sdf;
  color: Rgb;
}

/** Where the design units land in the image: pixel = design × scale + offset. */
export interface View {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export function hexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return {
    r: parseInt(match[1] as string, 16),
    g: parseInt(match[2] as string, 16),
    b: parseInt(match[3] as string, 16),
  };
}

// ---- shapes ---------------------------------------------------------------

export function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Sdf {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  return (x, y) => {
    const qx = abs(x - cx) - hx;
    const qy = abs(y - cy) - hy;
    const outside = hypot(max(qx, 0), max(qy, 0));
    const inside = min(max(qx, qy), 0);
    return outside + inside - radius;
  };
}

export function circle(cx: number, cy: number, radius: number): Sdf {
  return (x, y) => hypot(x - cx, y - cy) - radius;
}

/** Exact distance to a simple polygon (after Inigo Quilez's sdPolygon). */
export function polygon(points: readonly Point[]): Sdf {
  if (points.length < 3) throw new Error('A polygon needs at least three points');
  return (x, y) => {
    const first = points[0] as Point;
    let best = (x - first[0]) ** 2 + (y - first[1]) ** 2;
    let sign = 1;
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
      const [xi, yi] = points[i] as Point;
      const [xj, yj] = points[j] as Point;
      const ex = xj - xi;
      const ey = yj - yi;
      const wx = x - xi;
      const wy = y - yi;
      const t = min(max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
      best = min(best, (wx - ex * t) ** 2 + (wy - ey * t) ** 2);
      const c1 = y >= yi;
      const c2 = y < yj;
      const c3 = ex * wy > ey * wx;
      if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
    }
    return sign * sqrt(best);
  };
}

/** A line segment with round caps, `width` wide. */
export function segment(a: Point, b: Point, width: number): Sdf {
  const [ax, ay] = a;
  const bx = b[0] - ax;
  const by = b[1] - ay;
  return (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const t = min(max((px * bx + py * by) / (bx * bx + by * by), 0), 1);
    return hypot(px - bx * t, py - by * t) - width / 2;
  };
}

export const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) => {
    let d = INFINITY;
    for (const shape of shapes) d = min(d, shape(x, y));
    return d;
  };

export const intersection =
  (...shapes: Sdf[]): Sdf =>
  (x, y) => {
    let d = -INFINITY;
    for (const shape of shapes) d = max(d, shape(x, y));
    return d;
  };

export const subtract =
  (shape: Sdf, hole: Sdf): Sdf =>
  (x, y) =>
    max(shape(x, y), -hole(x, y));

/** The band of `width` just inside the shape's edge. */
export const innerStroke =
  (shape: Sdf, width: number): Sdf =>
  (x, y) => {
    const d = shape(x, y);
    return max(d, -d - width);
  };

/** The shape turned by `degrees` (clockwise on screen) about (cx, cy). */
export function rotate(shape: Sdf, degrees: number, cx: number, cy: number): Sdf {
  const angle = (-degrees * PI) / 180;
  const cosA = cos(angle);
  const sinA = sin(angle);
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    return shape(cx + dx * cosA - dy * sinA, cy + dx * sinA + dy * cosA);
  };
}

// ---- rendering ------------------------------------------------------------

/**
 * Paints the layers in order ("over" compositing) onto a transparent image.
 * Returns straight (not premultiplied) RGBA bytes. A fully transparent pixel is
 * stored as white with alpha 0, so an image drawn only in white is white and
 * transparent through and through — the rule for Teams outline icons.
 */
export function render(
  width: number,
  height: number,
  layers: readonly Layer[],
  view: View,
  samplesPerAxis = 8,
): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  const step = 1 / samplesPerAxis;
  const sampleCount = samplesPerAxis * samplesPerAxis;
  for (let py = 0; py < height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      // Premultiplied accumulation.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        let inside = 0;
        for (let sy = 0; sy < samplesPerAxis; sy += 1) {
          for (let sx = 0; sx < samplesPerAxis; sx += 1) {
            const x = (px + (sx + 0.5) * step - view.offsetX) / view.scale;
            const y = (py + (sy + 0.5) * step - view.offsetY) / view.scale;
            if (layer.shape(x, y) < 0) inside += 1;
          }
        }
        const coverage = inside / sampleCount;
        if (coverage === 0) continue;
        r = layer.color.r * coverage + r * (1 - coverage);
        g = layer.color.g * coverage + g * (1 - coverage);
        b = layer.color.b * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const offset = (py * width + px) * 4;
      const alpha = round(a * 255);
      if (alpha === 0) {
        rgba.set([255, 255, 255, 0], offset);
      } else {
        rgba.set(
          [clampByte(round(r / a)), clampByte(round(g / a)), clampByte(round(b / a)), alpha],
          offset,
        );
      }
    }
  }
  return rgba;
}

function clampByte(value: number): number {
  return min(255, max(0, value));
}

// ---- PNG ------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`Expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: truecolour with alpha
  header.writeUInt8(0, 10); // compression: deflate
  header.writeUInt8(0, 11); // filter method
  header.writeUInt8(0, 12); // no interlace

  const rowLength = width * 4;
  const raw = Buffer.alloc((rowLength + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (rowLength + 1)] = 0; // filter type None
    raw.set(rgba.subarray(y * rowLength, (y + 1) * rowLength), y * (rowLength + 1) + 1);
  }

  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
