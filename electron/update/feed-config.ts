import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * Where the app looks for updates. The build bakes in a default feed (THUISDOSSIER_UPDATE_URL, the
 * same URL electron-builder publishes to); an administrator may point a device elsewhere, or turn
 * updates off, with `update-feed.json` in the app's user-data folder. Both are checked here: a feed
 * must be https, because the device trusts what it downloads from it (http only for a feed on this
 * machine, which is how the tests and a local mirror run).
 */
export const UPDATE_FEED_FILE = 'update-feed.json';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isAllowedFeedUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
}

export const feedUrlSchema = z
  .string()
  .trim()
  .refine(isAllowedFeedUrl, {
    message: 'the update feed must be an https:// address without user, query or fragment (http:// only for localhost)',
  })
  // Always a folder, so `new URL('latest.yml', feed)` stays inside it.
  .transform((value) => (value.endsWith('/') ? value : `${value}/`));

export const updateFeedFileSchema = z
  .object({
    /** false: this device never checks for updates (e.g. the organisation rolls out updates itself). */
    enabled: z.boolean().default(true),
    url: feedUrlSchema.optional(),
  })
  .strict();

export type UpdateFeed = { enabled: true; url: string } | { enabled: false; reason: string };

/**
 * The feed this device uses: the settings file when there is one, else the build's default.
 * An invalid settings file is an error (an administrator made a mistake and must hear about it),
 * not a silent fallback to the default feed.
 */
export function resolveUpdateFeed(settingsFileText: string | null, buildDefaultUrl: string | undefined): UpdateFeed {
  let fromFile: z.infer<typeof updateFeedFileSchema> | null = null;
  if (settingsFileText !== null) {
    let json: unknown;
    try {
      json = JSON.parse(settingsFileText);
    } catch {
      throw new Error(`${UPDATE_FEED_FILE} is not valid JSON; fix or remove it`);
    }
    const parsed = updateFeedFileSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
      throw new Error(`${UPDATE_FEED_FILE} is not valid: ${problems}`);
    }
    fromFile = parsed.data;
  }
  if (fromFile && !fromFile.enabled) return { enabled: false, reason: `turned off in ${UPDATE_FEED_FILE}` };
  if (fromFile?.url) return { enabled: true, url: fromFile.url };
  if (!buildDefaultUrl) return { enabled: false, reason: 'this build has no update feed' };
  const fallback = feedUrlSchema.safeParse(buildDefaultUrl);
  if (!fallback.success) throw new Error(`the built-in update feed is not allowed: ${fallback.error.issues[0]?.message ?? 'invalid'}`);
  return { enabled: true, url: fallback.data };
}

export async function readUpdateFeedFile(filePath: string): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
