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
  // Texture like foliage, brickwork and crowds: a few waves plus grain correlated over 2-pixel cells,
  // so encoders meet a real photo's detail (pure noise would be too hard, smooth shapes too easy).
  const waves = Array.from({ length: 4 }, () => ({ fx: 0.02 + rand() * 0.3, fy: 0.02 + rand() * 0.3, a: 6 + rand() * 14, p: rand() * 6.28 }));
  const grain = new Float32Array((width >> 1) + 2);
  for (let y = 0; y < height; y++) {
    if (!(y & 1)) for (let i = 0; i < grain.length; i++) grain[i] = (rand() - 0.5) * 32;
    for (let x = 0; x < width; x++) {
      const base = y < horizon ? sky.map((v) => v - (y / horizon) * 40) : ground.map((v) => v + ((y - horizon) / height) * 60);
      let c = base;
      for (const b of blobs) {
        const d = Math.abs(x - b.x) + Math.abs(y - b.y);
        if (d < b.r) c = c.map((v, i) => v + (b.c[i] - v) * (1 - d / b.r) * 0.8);
      }
      let t = grain[x >> 1];
      if (y >= horizon * 0.8) for (const w of waves) t += w.a * Math.sin(x * w.fx + y * w.fy + w.p);
      const i = (y * width + x) * 3;
      for (let k = 0; k < 3; k++) px[i + k] = Math.max(0, Math.min(255, c[k] + t + (rand() - 0.5) * 10));
    }
  }
  await sharp(px, { raw: { width, height, channels: 3 } }).jpeg({ quality, mozjpeg: false }).toFile(file);
}

/**
 * Gives `count` of the corpus's articles (spread evenly over the archive) one photo each, after
 * the first paragraph, captioned and credited. The photos are distinct files (a distinct tail after
 * the JPEG's end marker, which decoders ignore) cut from a few generated pictures, so generating
 * 2,000 takes seconds while every one still costs the image pipeline a full decode and encode.
 */
export async function addPhotosToCorpus(contentDir: string, articleFiles: readonly string[], count: number, spec: Omit<PhotoSpec, 'seed'> = { width: 2400, height: 1600 }): Promise<number> {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { basename, dirname, join } = await import('node:path');
  const bases: Buffer[] = [];
  const baseCount = Math.min(count, 8);
  for (let i = 0; i < baseCount; i++) {
    const file = join(contentDir, `.photo-base-${i}.jpg`);
    await makePhoto(file, { ...spec, seed: 1000 + i });
    bases.push(readFileSync(file));
    (await import('node:fs')).rmSync(file);
  }
  const step = articleFiles.length / Math.max(count, 1);
  let made = 0;
  for (let k = 0; k < count && k < articleFiles.length; k++) {
    const md = articleFiles[Math.floor(k * step)];
    const name = `${basename(md, '.md')}.jpg`;
    writeFileSync(join(dirname(md), name), Buffer.concat([bases[k % bases.length], Buffer.from(`photo ${k}`)]));
    const [fm, ...rest] = readFileSync(md, 'utf8').split(/\n---\n/);
    const body = rest.join('\n---\n');
    const paras = body.split('\n\n');
    const credit = k % 3 === 0 ? ' "本报记者 摄"' : '';
    paras.splice(1, 0, `![居民在社区活动现场（第 ${k + 1} 张）](./${name}${credit})`);
    writeFileSync(md, `${fm}\n---\n${paras.join('\n\n')}`);
    made++;
  }
  return made;
}
