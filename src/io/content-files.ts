// Listing and reading content files within limits an editor can act on: folders are walked by
// hand (not readdir's `recursive`) so that symbolic links to folders are refused instead of
// followed round a loop, names that are not UTF-8 are reported instead of skipped, links out of
// the content folder are never read, and a file's size is checked before it is read.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { PROBLEM, visibleText, type Problem, type ProblemCode } from './problems.ts';

const MB = 1024 * 1024;

/** The largest content file read, in bytes: 1 MB of text, or JIEXUN_MAX_FILE_MB. */
export function maxFileBytes(): number {
  const mb = Number(process.env.JIEXUN_MAX_FILE_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 1) * MB);
}

const megabytes = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;

function problem(file: string, code: ProblemCode, message: string, line = 1, col = 1): Problem {
  return { file, line, col, field: '', severity: 'error', message, code };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file or folder name as bytes, shown with \xNN for what is not UTF-8 (never a raw U+FFFD). */
function showBytes(name: Buffer): string {
  try {
    return utf8.decode(name);
  } catch {
    return [...name].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  }
}

const inside = (path: string, fence: string) => path === fence || path.startsWith(fence + sep);

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export interface Listing {
  /** Every readable .md file, sorted so builds are deterministic. */
  files: string[];
  problems: Problem[];
}

/**
 * Every .md file under `dir`. Symbolic links to folders are refused (two of them, `ln -s . a;
 * ln -s . b`, would otherwise be walked without end); links to files are followed only when they
 * stay inside `fence` (the content folder). `show` turns an absolute path into the one in messages.
 */
export function listMarkdown(dir: string, show: (abs: string) => string = (p) => p, fence = dir): Listing {
  const files: string[] = [];
  const problems: Problem[] = [];
  const realFence = realOrUndefined(fence) ?? fence;
  walkTree(dir, show, problems, (path, e) => {
    const isMd = path.toLowerCase().endsWith('.md');
    if (e.isSymbolicLink()) {
      let target;
      try {
        target = statSync(path);
      } catch {
        if (isMd) problems.push(problem(show(path), PROBLEM.symlinkOutside, 'expected an article file, found a symbolic link to nothing'));
        return;
      }
      if (target.isDirectory()) {
        problems.push(problem(show(path), PROBLEM.symlinkedFolder, 'expected a folder, found a symbolic link to a folder (links are not followed: they can loop); move the files here instead'));
      } else if (isMd) {
        const real = realOrUndefined(path);
        if (real && inside(real, realFence) && target.isFile()) files.push(path);
        else problems.push(problem(show(path), PROBLEM.symlinkOutside, `expected an article file inside ${show(fence)}, found a symbolic link to a file outside it (not read)`));
      }
    } else if (isMd) {
      if (e.isFile()) files.push(path);
      else problems.push(problem(show(path), PROBLEM.notAFile, 'expected an article file, found a special file (a pipe, socket or device)'));
    }
  }, /\.md$/i);
  return { files: files.sort(), problems };
}

/**
 * Calls `each` for every entry under `dir` that is not a real folder, walking the real folders
 * (never a link to one). Folders that cannot be opened and names that are not UTF-8 become
 * problems (with `only`, the names of files only when they match it, as .md for articles).
 */
function walkTree(dir: string, show: (abs: string) => string, problems: Problem[], each: (path: string, entry: Dirent<Buffer>) => void, only?: RegExp): void {
  const walk = (folder: string) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      // No bulletins/ folder at all is fine; a folder that cannot be opened is not.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') problems.push(problem(show(folder), PROBLEM.unreadable, `expected a readable folder, found ${code ?? (e as Error).message}: what it holds is left out`));
      return;
    }
    for (const e of entries) {
      let name: string;
      try {
        name = utf8.decode(e.name);
      } catch {
        if (!only || e.isDirectory() || only.test(e.name.toString('latin1'))) {
          problems.push(problem(show(join(folder, showBytes(e.name))), PROBLEM.nameNotUtf8, 'expected a file or folder name in UTF-8, found a name in another encoding (saved on a GBK system?): rename it, or what it holds is left out'));
        }
        continue;
      }
      const path = join(folder, name);
      if (e.isDirectory()) walk(path);
      else each(path, e);
    }
  };
  walk(dir);
}

/** Where the first bytes that are not UTF-8 sit, as line:col, and what they are. */
function firstBadBytes(bytes: Buffer): { line: number; col: number; shown: string; gbk: string } {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  for (let i = lossy.indexOf('\uFFFD'); i >= 0; i = lossy.indexOf('\uFFFD', i + 1)) {
    const at = Buffer.byteLength(lossy.slice(0, i));
    // A real U+FFFD written in the file is valid UTF-8 (EF BF BD): not the fault.
    if (bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) continue;
    const before = lossy.slice(0, i);
    const line = before.split('\n').length;
    const col = i - before.lastIndexOf('\n');
    const shown = [...bytes.subarray(at, at + 4)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
    // The line holding them, read as GBK (what Chinese Windows saves): the editor recognises it.
    const start = bytes.lastIndexOf(0x0a, at) + 1;
    const end = bytes.indexOf(0x0a, at);
    return { line, col, shown, gbk: asGbk(bytes.subarray(start, end < 0 ? bytes.length : end)) };
  }
  return { line: 1, col: 1, shown: '', gbk: '' };
}

/** A line's bytes as GBK/GB18030 Chinese text, or '' when they are not that. */
function asGbk(line: Buffer): string {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(line).trim();
    return /\p{Script=Han}/u.test(text) ? visibleText([...text].slice(0, 20).join('')) : '';
  } catch {
    return '';
  }
}

export type TextRead = { source: string } | { problem: Problem };

/** Decodes a file's bytes as UTF-8, refusing anything else (instead of publishing U+FFFD). */
export function decodeUtf8(display: string, bytes: Buffer): TextRead {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: problem(display, PROBLEM.notUtf8, 'expected a file saved as UTF-8, found one saved as UTF-16: save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8) and check again') };
  }
  try {
    return { source: utf8.decode(bytes) };
  } catch {
    const bad = firstBadBytes(bytes);
    const gbk = bad.gbk ? `; it reads as GBK: ${bad.gbk}` : '';
    return { problem: problem(display, PROBLEM.notUtf8, `expected a file saved as UTF-8, found another encoding (bytes ${bad.shown}${gbk}): save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8) and check again`, bad.line, bad.col) };
  }
}

const tooLarge = (display: string, size: number, limit: number) =>
  problem(display, PROBLEM.tooLarge, `expected a file of at most ${megabytes(limit)}, found ${megabytes(size)}: split it into several articles (or raise the limit with JIEXUN_MAX_FILE_MB)`);

const unreadable = (display: string, e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'a file this user may not read' : err.code === 'EISDIR' ? 'a folder' : (err.code ?? err.message);
  return problem(display, PROBLEM.unreadable, `expected a readable file, found ${why}`);
};

/**
 * Reads a content file as UTF-8 text, within the size limit; `display` is the path in messages.
 * With `fences`, a symbolic link is read only when it leads inside one of them (a file named on
 * the command line may be a link to /etc/passwd: its first line must not reach a message).
 */
export function readTextFile(abs: string, display: string, limit = maxFileBytes(), fences?: readonly string[]): TextRead {
  try {
    if (fences && lstatSync(abs).isSymbolicLink()) {
      const real = realOrUndefined(abs);
      if (!real || !fences.some((f) => inside(real, realOrUndefined(f) ?? f))) {
        return { problem: problem(display, PROBLEM.symlinkOutside, 'expected a file inside the project or the content folder, found a symbolic link to a file outside them (not read)') };
      }
    }
    const st = statSync(abs);
    if (!st.isFile()) return { problem: problem(display, PROBLEM.notAFile, 'expected a file, found a folder or a special file') };
    if (st.size > limit) return { problem: tooLarge(display, st.size, limit) };
    return decodeUtf8(display, readFileSync(abs));
  } catch (e) {
    return { problem: unreadable(display, e) };
  }
}

/** readTextFile without blocking the thread (the article loader reads many files at once). */
export async function readTextFileAsync(abs: string, display: string, limit = maxFileBytes()): Promise<TextRead> {
  let handle;
  try {
    handle = await open(abs, 'r');
    const st = await handle.stat();
    if (!st.isFile()) return { problem: problem(display, PROBLEM.notAFile, 'expected a file, found a folder or a special file') };
    if (st.size > limit) return { problem: tooLarge(display, st.size, limit) };
    return decodeUtf8(display, await handle.readFile());
  } catch (e) {
    return { problem: unreadable(display, e) };
  } finally {
    await handle?.close();
  }
}

/**
 * Symbolic links in public/ that point outside the project: Astro would copy what they point at
 * (say /etc/hostname) into the published site. Links inside the project are fine.
 */
export function publicFolderProblems(publicDir: string, projectRoot: string, show: (abs: string) => string = (p) => p): Problem[] {
  const problems: Problem[] = [];
  const realRoot = realOrUndefined(projectRoot) ?? projectRoot;
  walkTree(publicDir, show, problems, (path, e) => {
    if (!e.isSymbolicLink()) return;
    const real = realOrUndefined(path);
    if (!real) problems.push(problem(show(path), PROBLEM.symlinkOutside, 'expected a file to publish, found a symbolic link to nothing'));
    else if (!inside(real, realRoot)) problems.push(problem(show(path), PROBLEM.symlinkOutside, 'expected a file inside the project to publish, found a symbolic link to a file outside it (it would be copied into the site)'));
    else if (lstatSync(real).isDirectory()) problems.push(problem(show(path), PROBLEM.symlinkedFolder, 'expected a folder, found a symbolic link to a folder (links are not followed: they can loop)'));
  });
  return problems;
}
