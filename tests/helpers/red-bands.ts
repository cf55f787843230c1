// Where a PDF page is red: Poppler's pdftoppm renders it at 72 dpi (1 pt = 1 px) as raw RGB (PPM),
// and consecutive rows holding red pixels are grouped into bands, top to bottom.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface RedBand {
  /** First row, in points from the top of the page */
  top: number;
  rows: number;
  /** The most red pixels in one row of the band */
  widest: number;
}

export function redBands(pdf: string, page: number, scratch: string): { bands: RedBand[]; height: number } {
  const r = spawnSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), '-singlefile', pdf, scratch], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm failed on ${pdf}: ${r.stderr}`);
  const ppm = readFileSync(`${scratch}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = header[0].length;
  const bands: RedBand[] = [];
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) {
      const i = offset + (y * width + x) * 3;
      if (ppm[i] > 180 && ppm[i + 1] < 90 && ppm[i + 2] < 90) n++;
    }
    if (!n) continue;
    const b = bands.at(-1);
    if (b && b.top + b.rows === y) {
      b.rows++;
      b.widest = Math.max(b.widest, n);
    } else bands.push({ top: y, rows: 1, widest: n });
  }
  return { bands, height };
}
