// Writing a PDF with object streams and a cross-reference stream (src/lib/pdf-write.ts), read back
// by pdf-lib's parser; tests/site/bulletin-pdf-batch.test.ts reads the cut-out PDFs with Poppler.
import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFContext, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { writePdf } from '../../src/lib/pdf-write.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('writePdf', () => {
  // Objects numbered with gaps, as a part cut from a print keeps the print's numbers.
  const context = PDFContext.create();
  const numbers = [3, 4, 9, 250, 251, 1000];
  const page = PDFRef.of(9);
  for (const n of numbers.filter((n) => n !== 250)) context.assign(PDFRef.of(n), context.obj({ N: n, Name: `对象${n}`, Kids: [page] }));
  context.assign(PDFRef.of(250), PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(Buffer.from('BT /F1 12 Tf <0102> Tj ET'))));
  context.largestObjectNumber = 1000;
  context.trailerInfo.Root = PDFRef.of(3);
  context.trailerInfo.Info = PDFRef.of(4);
  const bytes = writePdf(context, (b) => deflateSync(b));

  it('writes a PDF 1.7 header and ends with the offset of a cross-reference stream', () => {
    const text = latin1(bytes);
    expect(text.startsWith('%PDF-1.7\n%\x81\x81\x81\x81')).toBe(true);
    const at = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)![1]);
    expect(text.slice(at)).toMatch(/^1002 0 obj\n<<\n\/Type \/XRef\n\/Size 1003\n\/W \[ 1 4 2 \]\n\/Index \[ 0 1 3 2 9 1 250 2 1000 3 \]/);
  });

  it('gives every object in the cross-reference stream: its offset, or its place in an object stream', () => {
    // pdf-lib reads a file from its start: the offsets are checked here.
    const text = latin1(bytes);
    const at = Number(/startxref\n(\d+)\n%%EOF$/.exec(text)![1]);
    const head = /\/Index \[ ([\d ]+) \][\s\S]*?\/Length (\d+)\n>>\nstream\n/.exec(text.slice(at))!;
    const start = at + head.index + head[0].length;
    const rows = inflateSync(bytes.subarray(start, start + Number(head[2])));
    const runs = head[1]!.split(' ').map(Number);
    const entries: [number, number, number, number][] = [];
    for (let r = 0, i = 0; r < runs.length; r += 2) for (let n = runs[r]!; n < runs[r]! + runs[r + 1]!; n++, i++) entries.push([n, rows[i * 7]!, rows.readUInt32BE(i * 7 + 1), rows.readUInt16BE(i * 7 + 5)]);
    expect(entries.map(([n]) => n)).toEqual([0, 3, 4, 9, 250, 251, 1000, 1001, 1002]);
    for (const [n, type, two, three] of entries) {
      if (type === 1) expect(text.slice(two, two + 20), `object ${n}`).toMatch(new RegExp(`^${n} ${three} obj\n`));
      else if (type === 2) expect(entries.find(([m]) => m === two)?.[1], `object ${n} is in object stream ${two}`).toBe(1);
      else expect(n).toBe(0);
    }
    // Dictionaries go into the object stream, the stream stands on its own.
    expect(entries.filter(([, type]) => type === 2).map(([n]) => n)).toEqual([3, 4, 9, 251, 1000]);
  });

  it('is read back by pdf-lib with every object as it was, the stream byte for byte', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const n of numbers.filter((n) => n !== 250)) {
      const dict = doc.context.lookup(PDFRef.of(n), PDFDict);
      expect(dict.toString()).toBe(context.lookup(PDFRef.of(n))!.toString());
    }
    const stream = doc.context.lookup(PDFRef.of(250));
    if (!(stream instanceof PDFRawStream)) throw new Error('object 250 is not a stream');
    expect(inflateSync(stream.contents).toString()).toBe('BT /F1 12 Tf <0102> Tj ET');
    expect(doc.context.trailerInfo.Root).toBe(PDFRef.of(3));
    expect(doc.context.lookup(PDFRef.of(3), PDFDict).get(PDFName.of('N'))?.toString()).toBe('3');
  });
});
