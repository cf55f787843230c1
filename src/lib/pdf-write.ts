// Writes an unencrypted pdf-lib document as pdf-lib's PDFStreamWriter does (objects packed into
// compressed object streams, 200 to a stream where it packs 50; a cross-reference stream), by hand because pdf-lib compresses with pako, in
// JavaScript, and takes no other deflate: that was most of the time of cutting the bulletin PDFs
// apart. The caller passes the deflate (zlib's, natively). Every object is sized first and copied
// once, straight into its stream or the file. Pure.
import { PDFContext, PDFInvalidObject, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

/** zlib-format deflate (RFC 1950), as PDF's FlateDecode reads it. */
export type Deflate = (bytes: Uint8Array) => Uint8Array;

/** Objects to an object stream: more than pdf-lib's 50 make fewer, better-compressed streams. */
const PER_STREAM = 200;

/** Copies PDF syntax (one byte a character: ASCII, and the header's high bytes) into `out` at `at`; answers its length. */
function copyAscii(text: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return text.length;
}

/** A piece of the file: ASCII text, bytes, or an object written in place. */
type Piece = string | Uint8Array | PDFObject;
const sizeOf = (piece: Piece) => (typeof piece === 'string' ? piece.length : piece instanceof Uint8Array ? piece.length : piece.sizeInBytes());
const copyInto = (piece: Piece, out: Uint8Array, at: number) => {
  if (typeof piece === 'string') return copyAscii(piece, out, at);
  if (piece instanceof Uint8Array) {
    out.set(piece, at);
    return piece.length;
  }
  return piece.copyBytesInto(out, at);
};

export function writePdf(context: PDFContext, deflate: Deflate): Uint8Array {
  if (context.trailerInfo.Encrypt) throw new Error('writePdf writes unencrypted documents only');
  const pieces: Piece[] = [];
  let offset = 0;
  const push = (...more: Piece[]) => {
    for (const piece of more) {
      pieces.push(piece);
      offset += sizeOf(piece);
    }
  };
  // An xref stream row: type, then offset or object stream, then generation or index in that stream.
  const rows = new Map<number, [number, number, number]>();
  const writeStream = (ref: PDFRef, dict: string, data: Uint8Array) => {
    rows.set(ref.objectNumber, [1, offset, 0]);
    push(`${ref.objectNumber} 0 obj\n<<\n${dict}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`, data, '\nendstream\nendobj\n\n');
  };

  // The header, with a comment of high bytes that marks the file as binary.
  push('%PDF-1.7\n%\x81\x81\x81\x81\n\n');
  let next = context.largestObjectNumber + 1;
  const packed: [PDFRef, PDFObject][] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    // Streams cannot go into an object stream; nor can an object of another generation.
    if (object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0) {
      rows.set(ref.objectNumber, [1, offset, ref.generationNumber]);
      push(`${ref.objectNumber} ${ref.generationNumber} obj\n`, object, '\nendobj\n\n');
    } else packed.push([ref, object]);
  }
  for (let i = 0; i < packed.length; i += PER_STREAM) {
    const group = packed.slice(i, i + PER_STREAM);
    const stream = PDFRef.of(next++);
    const sizes = group.map(([, object]) => object.sizeInBytes());
    let at = 0;
    const index = group.map(([ref], k) => {
      const entry = `${ref.objectNumber} ${at}`;
      at += sizes[k]! + 1;
      return entry;
    });
    const head = `${index.join(' ')} `;
    const contents = new Uint8Array(head.length + at);
    let p = copyAscii(head, contents, 0);
    group.forEach(([ref, object], k) => {
      p += object.copyBytesInto(contents, p);
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
  const view = new DataView(table.buffer);
  numbers.forEach((n, i) => {
    const [type, two, three] = rows.get(n)!;
    view.setUint8(i * 7, type);
    view.setUint32(i * 7 + 1, two);
    view.setUint16(i * 7 + 5, three);
  });
  const { Root, Info, ID } = context.trailerInfo;
  const trailer = [`/Type /XRef`, `/Size ${next}`, `/W [ 1 4 2 ]`, `/Index [ ${runs.join(' ')} ]`, Root ? `/Root ${Root}` : '', Info ? `/Info ${Info}` : '', ID ? `/ID ${ID}` : ''].filter(Boolean).join('\n');
  writeStream(xref, trailer, deflate(table));
  push(`startxref\n${xrefOffset}\n%%EOF`);

  const out = new Uint8Array(offset);
  let at = 0;
  for (const piece of pieces) at += copyInto(piece, out, at);
  return out;
}
