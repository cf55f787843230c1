// Whether a process still runs: how a build tells a dead build's leftovers from a running one's.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, and another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
