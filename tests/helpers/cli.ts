// Runs a command's main(argv, io) in-process, as the unit tests do: the output captured, the
// environment only what the test gives. tests/site/cli.test.ts runs each command once as a process.
import { Writable } from 'node:stream';
import type { CliIO } from '../../scripts/cli-io.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** For a command whose main is synchronous: writes to a captured stream land at once. */
export function runCliSync(main: (argv: string[], io: CliIO) => number, argv: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }): CliRun {
  const out = capture();
  const err = capture();
  const code = main(argv, { cwd, env, stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

export async function runCli(main: (argv: string[], io: CliIO) => number | Promise<number>, argv: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  const out = capture();
  const err = capture();
  const code = await main(argv, { cwd, env, stdout: out.stream, stderr: err.stream });
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out.text(), stderr: err.text() };
}
