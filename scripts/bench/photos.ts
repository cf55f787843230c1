// Photo-like JPEGs made with sharp, for the benchmark's corpus and the tests (no binary photos are
// committed to tests): a sky, a horizon, a few lit shapes and sensor-like noise, so they encode
// at a real photo's size and cost. Same seed → same picture.
import sharp from 'sharp';

export interface PhotoSpec {
  width: number;
  height: number;
  seed: number;
  quality?: number;
}

export async function makePhoto(file: string, { width, height, seed, quality = 85 }: PhotoSpec): Promise<void> {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const px = Buffer.alloc(width * height * 3);
  const horizon = height * (0.45 + rand() * 0.2);
  const sky = [90 + rand() * 80, 140 + rand() * 60, 200 + rand() * 55];
  const ground = [60 + rand() * 80, 70 + rand() * 60, 40 + rand() * 40];
  const blobs = Array.from({ length: 6 }, () => ({ x: rand() * width, y: horizon - rand() * height * 0.3, r: (0.05 + rand() * 0.12) * width, c: [rand() * 255, rand() * 255, rand() * 255] }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const base = y < horizon ? sky.map((v) => v - (y / horizon) * 40) : ground.map((v) => v + ((y - horizon) / height) * 60);
      let c = base;
      for (const b of blobs) {
        const d = Math.hypot(x - b.x, y - b.y);
        if (d < b.r) c = c.map((v, i) => v + (b.c[i] - v) * (1 - d / b.r) * 0.8);
      }
      const i = (y * width + x) * 3;
      for (let k = 0; k < 3; k++) px[i + k] = Math.max(0, Math.min(255, c[k] + (rand() - 0.5) * 24));
    }
  }
  await sharp(px, { raw: { width, height, channels: 3 } }).jpeg({ quality, mozjpeg: false }).toFile(file);
}
