// What a command reads from and writes to, passed in: the process's own when run as a command, a
// folder and captured streams when a test runs it in-process.
import type { Writable } from 'node:stream';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writable;
  stderr: Writable;
}

export function processIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** console.log and console.error for an io. */
export function printers(io: CliIO): { out: (s: string) => void; err: (s: string) => void } {
  return { out: (s) => void io.stdout.write(`${s}\n`), err: (s) => void io.stderr.write(`${s}\n`) };
}
