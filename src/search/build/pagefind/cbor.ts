// The subset of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers,
// text strings and definite-length arrays. The build merges the shards' Pagefind files, so it must
// read them and write them back byte-exact; no CBOR library is needed for so little.

export type CborValue = number | string | CborValue[];

export class CborError extends Error {}

const UINT = 0;
const NINT = 1;
const BYTES = 2;
const TEXT = 3;
const ARRAY = 4;

export class CborReader {
  pos = 0;
  readonly bytes: Uint8Array;
  /** Names the file in errors. */
  readonly source: string;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, source: string) {
    this.bytes = bytes;
    this.source = source;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(expected: string, found: string): never {
    throw new CborError(`${this.source}: at byte ${this.pos}: expected ${expected}, found ${found}`);
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** The major type and argument of the next item. */
  head(): [major: number, value: number] {
    if (this.pos >= this.bytes.length) this.fail('a CBOR item', 'the end of the file');
    const initial = this.bytes[this.pos++];
    const major = initial >> 5;
    const info = initial & 31;
    if (info < 24) return [major, info];
    if (info <= 27 && this.pos + (1 << (info - 24)) > this.bytes.length) this.fail(`a ${1 << (info - 24)}-byte argument`, 'the end of the file');
    let value: number;
    if (info === 24) value = this.bytes[this.pos];
    else if (info === 25) value = this.view.getUint16(this.pos);
    else if (info === 26) value = this.view.getUint32(this.pos);
    else if (info === 27) {
      const big = this.view.getBigUint64(this.pos);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) this.fail('an integer below 2⁵³', String(big));
      value = Number(big);
    }
    else return this.fail('a definite-length CBOR item', `additional information ${info}`);
    this.pos += 1 << (info - 24);
    return [major, value];
  }

  arrayLength(): number {
    const [major, n] = this.head();
    if (major !== ARRAY) this.fail('an array', `major type ${major}`);
    return n;
  }

  uint(): number {
    const [major, n] = this.head();
    if (major !== UINT) this.fail('an unsigned integer', `major type ${major}`);
    return n;
  }

  text(): string {
    const [major, n] = this.head();
    if (major !== TEXT) this.fail('a text string', `major type ${major}`);
    if (this.pos + n > this.bytes.length) this.fail(`a text of ${n} bytes`, 'the end of the file');
    const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  /** Steps over one item, nested arrays included, without building it. */
  skip(): void {
    const [major, n] = this.head();
    if (major === BYTES || major === TEXT) this.pos += n;
    else if (major === ARRAY) for (let i = 0; i < n; i++) this.skip();
    else if (major !== UINT && major !== NINT) this.fail('an integer, string or array', `major type ${major}`);
  }

  value(): CborValue {
    const start = this.pos;
    const [major, n] = this.head();
    if (major === UINT) return n;
    if (major === NINT) return -1 - n;
    if (major === TEXT) {
      this.pos = start;
      return this.text();
    }
    if (major === ARRAY) return Array.from({ length: n }, () => this.value());
    return this.fail('an integer, text string or array', `major type ${major}`);
  }
}

/** Appends CBOR to a growing buffer. */
export class CborWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(size = 1 << 16) {
    this.buf = new Uint8Array(size);
  }

  /** Empties the writer to write again into the same memory. */
  reset(): this {
    this.length = 0;
    return this;
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  head(major: number, value: number): this {
    this.room(9);
    const b = this.buf;
    const m = major << 5;
    if (value < 24) b[this.length++] = m | value;
    else if (value < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = m | 25;
      b[this.length++] = value >> 8;
      b[this.length++] = value & 0xff;
    } else if (value < 0x100000000) {
      b[this.length++] = m | 26;
      new DataView(b.buffer).setUint32(this.length, value);
      this.length += 4;
    } else {
      b[this.length++] = m | 27;
      new DataView(b.buffer).setBigUint64(this.length, BigInt(value));
      this.length += 8;
    }
    return this;
  }

  array(n: number): this {
    return this.head(ARRAY, n);
  }

  uint(n: number): this {
    return this.head(UINT, n);
  }

  text(s: string): this {
    const bytes = new TextEncoder().encode(s);
    this.head(TEXT, bytes.length);
    return this.raw(bytes);
  }

  /** Bytes that already are CBOR (copied from a file being merged). */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  value(v: CborValue): this {
    if (typeof v === 'string') return this.text(v);
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new CborError(`CBOR writer: expected a safe integer to encode, found ${v}`);
      return v >= 0 ? this.head(UINT, v) : this.head(NINT, -1 - v);
    }
    this.array(v.length);
    for (const x of v) this.value(x);
    return this;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
