// Reads content/site.yaml — who runs the site (主办单位, 承办单位, contact), its record numbers
// (ICP备案号, 公安备案号, 网站标识码) and its public address — validated by the shared schema.
import { join } from 'node:path';
import { siteSettingsSchema, type SiteSettings } from '../schema.ts';
import { ContentError, PROBLEM, type Problem } from './problems.ts';
import { parseYamlFile } from './yaml-file.ts';
import { issuesToProblems } from './zod-problems.ts';

export const SITE_SETTINGS_FILE = 'site.yaml';

const cache = new Map<string, SiteSettings>();

/** The settings, or the problems that stop them being read (each with file, line and field). */
export function readSiteSettings(contentDir: string): { settings?: SiteSettings; problems: Problem[] } {
  const file = join(contentDir, SITE_SETTINGS_FILE);
  let parsed;
  try {
    parsed = parseYamlFile(file);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing
      ? `expected the site settings file ${SITE_SETTINGS_FILE} in the content folder (site name, url, sponsor, icp …), found no such file`
      : `expected a readable settings file, found ${(e as Error).message}`;
    return { problems: [{ file, line: 1, col: 1, field: '', severity: 'error', code: missing ? PROBLEM.missingRegistry : PROBLEM.unreadable, message }] };
  }
  if (parsed.problems.length) return { problems: parsed.problems };
  const r = siteSettingsSchema.safeParse(parsed.data ?? null);
  if (!r.success) return { problems: issuesToProblems(file, r.error.issues, parsed.locate) };
  return { settings: r.data, problems: [] };
}

/** The settings, memoised per content folder; throws ContentError listing every fault. */
export function loadSiteSettings(contentDir: string): SiteSettings {
  const hit = cache.get(contentDir);
  if (hit) return hit;
  const { settings, problems } = readSiteSettings(contentDir);
  if (!settings) throw new ContentError(problems);
  cache.set(contentDir, settings);
  return settings;
}
