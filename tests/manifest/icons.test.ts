import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import {
  BRAND_TEAL,
  type IconImage,
  colorIconImage,
  outlineIconImage,
} from '../../manifest/icons/drawIcons';
import { manifestDir, readTemplate } from './manifestFixtures';

interface Header {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** The IHDR chunk, read by hand: it must be the first chunk, right after the signature. */
function readHeader(png: Buffer): Header {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.readUInt32BE(8)).toBe(13);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png.readUInt8(24),
    colorType: png.readUInt8(25),
  };
}

function committed(file: string): Buffer {
  return readFileSync(path.join(manifestDir, file));
}

/** Decoded by pngjs, an encoder independent of ours. */
function decode(png: Buffer): IconImage {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, rgba: new Uint8Array(image.data) };
}

function pixel(image: IconImage, x: number, y: number): [number, number, number, number] {
  const i = (y * image.width + x) * 4;
  return [
    image.rgba[i] as number,
    image.rgba[i + 1] as number,
    image.rgba[i + 2] as number,
    image.rgba[i + 3] as number,
  ];
}

function rgbOf(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

describe('the colour icon', () => {
  const png = committed('color.png');
  const image = decode(png);

  it('is a 192×192 8-bit RGBA PNG', () => {
    expect(readHeader(png)).toEqual({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
  });

  it('is a full square: every pixel opaque, the background the accent colour of the manifest', () => {
    const accent = (readTemplate() as { accentColor: string }).accentColor;
    expect(accent.toLowerCase()).toBe(BRAND_TEAL);
    const alphas = new Set(image.rgba.filter((_, i) => i % 4 === 3));
    expect([...alphas]).toEqual([255]);
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
    ] as const) {
      expect(pixel(image, x, y)).toEqual([...rgbOf(BRAND_TEAL), 255]);
    }
  });

  it('keeps the symbol inside the central 96×96, with 48 px of plain background around it', () => {
    const background = rgbOf(BRAND_TEAL);
    let symbolPixels = 0;
    const strayPixels: string[] = [];
    for (let y = 0; y < 192; y += 1) {
      for (let x = 0; x < 192; x += 1) {
        const [r, g, b] = pixel(image, x, y);
        const isBackground = r === background[0] && g === background[1] && b === background[2];
        const inSymbolBox = x >= 48 && x < 144 && y >= 48 && y < 144;
        if (!inSymbolBox && !isBackground) strayPixels.push(`(${x},${y})`);
        if (inSymbolBox && !isBackground) symbolPixels += 1;
      }
    }
    expect(strayPixels).toEqual([]);
    expect(symbolPixels).toBeGreaterThan(96 * 96 * 0.3);
  });
});

describe('the outline icon', () => {
  const png = committed('outline.png');
  const image = decode(png);

  it('is a 32×32 8-bit RGBA PNG', () => {
    expect(readHeader(png)).toEqual({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('has only white and transparent pixels', () => {
    const offenders: string[] = [];
    for (let y = 0; y < 32; y += 1) {
      for (let x = 0; x < 32; x += 1) {
        const [r, g, b, a] = pixel(image, x, y);
        if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
          offenders.push(`(${x},${y})=${r},${g},${b},${a}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('draws a symbol that fills the square without padding', () => {
    let opaque = 0;
    let minX = 32;
    let maxX = -1;
    let minY = 32;
    let maxY = -1;
    for (let y = 0; y < 32; y += 1) {
      for (let x = 0; x < 32; x += 1) {
        const alpha = pixel(image, x, y)[3];
        if (alpha === 255) opaque += 1;
        if (alpha > 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    expect(opaque).toBeGreaterThan(150);
    expect(opaque).toBeLessThan(32 * 32 * 0.75);
    expect([minX, maxX]).toEqual([0, 31]);
    expect(minY).toBeLessThanOrEqual(1);
    expect(maxY).toBeGreaterThanOrEqual(30);
  });
});

describe('the committed icons', () => {
  it.each([
    ['color.png', colorIconImage],
    ['outline.png', outlineIconImage],
  ])('%s is exactly what manifest/icons/drawIcons.ts draws', (file, draw) => {
    const drawn = draw();
    const stored = decode(committed(file));
    expect({ width: stored.width, height: stored.height }).toEqual({
      width: drawn.width,
      height: drawn.height,
    });
    expect(Buffer.from(stored.rgba).equals(Buffer.from(drawn.rgba))).toBe(true);
  });
});
