// How long each test file waited for the Astro lock in the last run, a line per wait (file, ms):
// written by tests/helpers/astro-lock.ts, read by tests/helpers/sequencer.ts, which takes the waits off
// the files' last durations to plan the next run by the time a file works, not the time it waited.
import { resolve } from 'node:path';

export const LOCK_WAITS = resolve(import.meta.dirname, '../../.tmp/astro-lock-waits.tsv');
