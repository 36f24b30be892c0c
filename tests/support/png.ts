import { PNG } from 'pngjs';

// Screenshot checks decode Chromium's PNGs with pngjs (any bit depth, colour type and interlacing), as RGBA.
export interface Image { width: number; height: number; channels: number; pixels: Buffer }

export function readPng(bytes: Buffer): Image {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, channels: 4, pixels: png.data };
}

/** How many pixels are within `tolerance` of an RGB colour. */
export function countColour(img: Image, rgb: readonly [number, number, number], tolerance = 24): number {
  let n = 0;
  for (let i = 0; i + 2 < img.pixels.length; i += img.channels) {
    const [r, g, b] = [img.pixels[i] ?? -999, img.pixels[i + 1] ?? -999, img.pixels[i + 2] ?? -999];
    if (Math.abs(r - rgb[0]) <= tolerance && Math.abs(g - rgb[1]) <= tolerance && Math.abs(b - rgb[2]) <= tolerance) n += 1;
  }
  return n;
}
