import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findProjectRoot } from '../projectRoot';
import {
  type Layer,
  type Sdf,
  type View,
  circle,
  encodePng,
  hexColor,
  innerStroke,
  intersection,
  polygon,
  render,
  rotate,
  roundedRect,
  segment,
  union,
} from './raster';

/**
 * Draws the Kompetensdialog logo: a speech bubble (the dialogue) holding a
 * staircase (step-by-step development) with a sprout on the top step (growth).
 *
 * The committed manifest/color.png and manifest/outline.png are this file's
 * output; a test checks they still match. After changing the drawing, run
 *
 *   npx tsc -p tsconfig.build.json && node dist/manifest/icons/drawIcons.js
 *
 * Teams' rules (learn.microsoft.com, "Teams app package", App icons):
 * - color: 192×192, the symbol within the central 96×96 with 48 px padding,
 *   on a solid square background (Teams rounds the corners itself);
 * - outline: 32×32, only white (255,255,255) and transparent, no padding.
 *
 * One drawing serves both: it is made on a 32×32 grid, so the outline icon is
 * drawn at 1 px a unit with its straight edges on whole pixels, and the colour
 * icon at 3 px a unit fills the 96×96 symbol box.
 */

export const BRAND_TEAL = '#0b5d57';
const LEAF_GREEN = '#6cc788';
const WHITE = '#ffffff';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

export interface IconImage {
  width: number;
  height: number;
  /** Straight RGBA, 8 bits a channel, row by row. */
  rgba: Uint8Array;
}

const bubble: Sdf = union(
  roundedRect(0, 1, 32, 25, 6),
  // The tail, down and to the left.
  polygon([
    [6, 22],
    [13, 22],
    [4.5, 31.5],
  ]),
);

/** Line width of the bubble in the outline icon: 2 px. */
const OUTLINE_STROKE = 2;

const stairs: Sdf = polygon([
  [8, 20],
  [8, 17],
  [13, 17],
  [13, 14],
  [18, 14],
  [18, 11],
  [23, 11],
  [23, 20],
]);

/** A lens-shaped leaf, `length` long and `width` wide, its base at (bx, by), turned by `degrees`. */
function leaf(bx: number, by: number, length: number, width: number, degrees: number): Sdf {
  // Two circles of radius R whose centres are d either side of the axis meet in
  // a lens of width 2(R − d) and length 2√(R² − d²).
  const halfWidth = width / 2;
  const halfLength = length / 2;
  const radius = (halfLength * halfLength + halfWidth * halfWidth) / (2 * halfWidth);
  const d = radius - halfWidth;
  const cy = by - halfLength;
  const lens = intersection(circle(bx - d, cy, radius), circle(bx + d, cy, radius));
  return rotate(lens, degrees, bx, by);
}

const SPROUT_X = 20.5;
const sprout: Sdf = union(
  segment([SPROUT_X, 11.5], [SPROUT_X, 9], 1.4),
  leaf(SPROUT_X, 9.5, 7, 3.4, 42),
  leaf(SPROUT_X, 9.5, 4.5, 2.4, -50),
);

export function colorIconImage(): IconImage {
  const size = COLOR_ICON_SIZE;
  const background: Sdf = () => -1;
  const layers: Layer[] = [
    { shape: background, color: hexColor(BRAND_TEAL) },
    { shape: bubble, color: hexColor(WHITE) },
    { shape: stairs, color: hexColor(BRAND_TEAL) },
    { shape: sprout, color: hexColor(LEAF_GREEN) },
  ];
  // The 96×96 symbol box sits in the middle, 48 px from every edge.
  const view: View = { scale: 3, offsetX: 48, offsetY: 48 };
  return { width: size, height: size, rgba: render(size, size, layers, view) };
}

export function outlineIconImage(): IconImage {
  const size = OUTLINE_ICON_SIZE;
  const white = hexColor(WHITE);
  // The bubble drawn as a line, the staircase and the sprout filled.
  const layers: Layer[] = [
    { shape: innerStroke(bubble, OUTLINE_STROKE), color: white },
    { shape: stairs, color: white },
    { shape: sprout, color: white },
  ];
  const view: View = { scale: 1, offsetX: 0, offsetY: 0 };
  return { width: size, height: size, rgba: render(size, size, layers, view) };
}

export function toPng(image: IconImage): Buffer {
  return encodePng(image.width, image.height, image.rgba);
}

function main(): void {
  const manifestDir = path.join(findProjectRoot(__dirname), 'manifest');
  const targets = [
    { file: path.join(manifestDir, 'color.png'), image: colorIconImage() },
    { file: path.join(manifestDir, 'outline.png'), image: outlineIconImage() },
  ];
  for (const { file, image } of targets) {
    writeFileSync(file, toPng(image));
    console.log(`Wrote ${file} (${image.width}×${image.height})`);
  }
}

if (require.main === module) main();
