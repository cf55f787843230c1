// Printed bulletin PDFs kept across builds in <cacheDir>/bulletin-pdfs/, one entry per digest of
// everything the print depends on (src/integrations/bulletin-pdf.ts makes the key). An entry is the
// PDF and a small JSON record of its page count, its contents' page numbers and the PDF's SHA-256;
// both are written to a temporary name and renamed, the record last, and a record that does not
// match its PDF is treated as missing: a damaged entry is printed again, never served.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PdfLayout } from '../lib/pdf-destinations.ts';

export const PDF_CACHE_DIR = 'bulletin-pdfs';

export interface CachedPdf {
  pdf: Buffer;
  layout: PdfLayout;
}

interface Record {
  sha256: string;
  pages: number;
  destinations: [string, number][];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function readCachedPdf(dir: string, key: string): CachedPdf | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Record;
    const pdf = readFileSync(join(dir, `${key}.pdf`));
    if (typeof record.sha256 !== 'string' || sha256(pdf) !== record.sha256) return undefined;
    if (!Number.isInteger(record.pages) || !Array.isArray(record.destinations)) return undefined;
    if (record.destinations.some((d) => !Array.isArray(d) || typeof d[0] !== 'string' || !Number.isInteger(d[1]))) return undefined;
    return { pdf, layout: { pages: record.pages, destinations: new Map(record.destinations) } };
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, bytes: Uint8Array | string): void {
  const scratch = `${file}.${process.pid}.tmp`;
  writeFileSync(scratch, bytes);
  renameSync(scratch, file);
}

export function writeCachedPdf(dir: string, key: string, pdf: Uint8Array, layout: PdfLayout): void {
  mkdirSync(dir, { recursive: true });
  writeAtomically(join(dir, `${key}.pdf`), pdf);
  const record: Record = { sha256: sha256(pdf), pages: layout.pages, destinations: [...layout.destinations] };
  writeAtomically(join(dir, `${key}.json`), JSON.stringify(record));
}

/** Drops every entry (and stray temporary file) but those this build used. */
export function pruneCachedPdfs(dir: string, used: ReadonlySet<string>): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!used.has(name.replace(/\.(pdf|json)$/, ''))) rmSync(join(dir, name), { force: true });
  }
}
