// Writes a pdf-lib document the way pdf-lib's PDFStreamWriter does (objects packed into compressed
// object streams, a cross-reference stream), by hand because pdf-lib compresses with pako, in
// JavaScript, and takes no other deflate: that was most of the time of cutting the bulletin PDFs
// apart. The caller passes the deflate (zlib's, natively). Pure.
import { PDFContext, PDFInvalidObject, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

/** zlib-format deflate (RFC 1950), as PDF's FlateDecode reads it. */
export type Deflate = (bytes: Uint8Array) => Uint8Array;

/** Objects to an object stream: pdf-lib packs 50; more make fewer, better-compressed streams. */
const PER_STREAM = 200;

const encoder = new TextEncoder();
/** PDF syntax here is ASCII, which UTF-8 writes byte for byte. */
const ascii = (text: string) => encoder.encode(text);
const bytesOf = (object: PDFObject) => {
  const out = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(out, 0);
  return out;
};

export function writePdf(context: PDFContext, deflate: Deflate): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  // An xref stream row: type, then offset or object stream, then generation or index in that stream.
  const rows = new Map<number, [number, number, number]>();
  const writeObject = (ref: PDFRef, body: Uint8Array) => {
    rows.set(ref.objectNumber, [1, offset, ref.generationNumber]);
    push(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(body);
    push(ascii('\nendobj\n\n'));
  };
  const writeStream = (ref: PDFRef, dict: string, data: Uint8Array) => {
    rows.set(ref.objectNumber, [1, offset, 0]);
    push(ascii(`${ref.objectNumber} 0 obj\n<<\n${dict}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`));
    push(data);
    push(ascii('\nendstream\nendobj\n\n'));
  };

  // The header, with a comment of high bytes that marks the file as binary.
  push(Uint8Array.of(...ascii('%PDF-1.7\n%'), 0x81, 0x81, 0x81, 0x81, 0x0a, 0x0a));
  let next = context.largestObjectNumber + 1;
  const packed: [PDFRef, PDFObject][] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    // Streams cannot go into an object stream; nor can an object of another generation.
    if (object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0 || ref === context.trailerInfo.Encrypt) writeObject(ref, bytesOf(object));
    else packed.push([ref, object]);
  }
  for (let i = 0; i < packed.length; i += PER_STREAM) {
    const group = packed.slice(i, i + PER_STREAM);
    const stream = PDFRef.of(next++);
    const bodies = group.map(([, object]) => bytesOf(object));
    let at = 0;
    const index = group.map(([ref], k) => {
      const entry = `${ref.objectNumber} ${at}`;
      at += bodies[k]!.length + 1;
      return entry;
    });
    const head = ascii(`${index.join(' ')} `);
    const contents = new Uint8Array(head.length + at);
    contents.set(head, 0);
    let p = head.length;
    group.forEach(([ref], k) => {
      contents.set(bodies[k]!, p);
      p += bodies[k]!.length;
      contents[p++] = 0x0a;
      rows.set(ref.objectNumber, [2, stream.objectNumber, k]);
    });
    writeStream(stream, `/Type /ObjStm\n/N ${group.length}\n/First ${head.length}`, deflate(contents));
  }

  // The cross-reference stream: object 0 free, then every object, in runs of consecutive numbers.
  const xref = PDFRef.of(next++);
  const xrefOffset = offset;
  rows.set(0, [0, 0, 65535]);
  rows.set(xref.objectNumber, [1, xrefOffset, 0]);
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const runs: number[] = [];
  for (const n of numbers) {
    if (runs.length && runs[runs.length - 2]! + runs[runs.length - 1]! === n) runs[runs.length - 1]!++;
    else runs.push(n, 1);
  }
  const table = new Uint8Array(numbers.length * 7);
  numbers.forEach((n, i) => {
    const [type, two, three] = rows.get(n)!;
    const view = new DataView(table.buffer, i * 7, 7);
    view.setUint8(0, type);
    view.setUint32(1, two);
    view.setUint16(5, three);
  });
  const { Root, Info, ID } = context.trailerInfo;
  const trailer = [`/Type /XRef`, `/Size ${next}`, `/W [ 1 4 2 ]`, `/Index [ ${runs.join(' ')} ]`, Root ? `/Root ${Root}` : '', Info ? `/Info ${Info}` : '', ID ? `/ID ${ID}` : ''].filter(Boolean).join('\n');
  writeStream(xref, trailer, deflate(table));
  push(ascii(`startxref\n${xrefOffset}\n%%EOF`));

  const out = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
