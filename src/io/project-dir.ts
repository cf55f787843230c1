// The folder a command works for: where ./content and the files registries may link to are found.
// The folder it was started in, except in a build's Astro process, which may work from the build's
// own root (scripts/astro-build.ts) and is told the folder in JIEXUN_PROJECT.
export function projectDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.JIEXUN_PROJECT ?? process.cwd();
}
