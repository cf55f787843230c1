// No command answers a fault with a stack trace: whatever escapes a CLI's own error handling (a
// file it cannot write, a folder it cannot read) is said in one line, and the command exits 1.
// Set JIEXUN_DEBUG=1 to see the stack when reporting a bug.
export function guardCli(command: string): void {
  const report = (e: unknown) => {
    const err = e as NodeJS.ErrnoException;
    const where = err?.path ? ` (${err.path})` : '';
    const what = err?.code && !String(err.message).startsWith(err.code) ? `${err.code}: ` : '';
    process.stderr.write(`${command}: ${what}${err?.message ?? String(e)}${where}\n`);
    if (process.env.JIEXUN_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}
