import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared folder beside the repository (seeds and public corpora), where tests read real data. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
/** The specification's five seed postmortems, copied into the fixtures so tests never depend on ../shared for them. */
export const SEEDS_DIR = fileURLToPath(new URL('../../test/fixtures/seeds/', import.meta.url));
export const POSTMORTEMS_DIR = join(SHARED_DIR, 'corpora', 'postmortems');
/** The MIT-licensed public postmortems (dfds, PostHog), copied into the fixtures with their licences. */
export const FIXTURE_POSTMORTEMS_DIR = fileURLToPath(
  new URL('../../test/fixtures/postmortem-collections/', import.meta.url),
);

/** Postmortem files under a folder: Markdown and the few extension-less files, never licences. */
export function postmortemFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter(
      (f) =>
        statSync(f).isFile() &&
        !/(^|\/)(LICENSE|README\.md)$/.test(f) &&
        (/\.md$/.test(f) || !/\.[a-z]+$/i.test(f)),
    )
    .sort();
}

export const seedFiles = () =>
  existsSync(SEEDS_DIR)
    ? readdirSync(SEEDS_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => join(SEEDS_DIR, f))
    : [];

/** Said in a skipped test's name, so a run without the shared corpora explains itself. */
export const CORPUS_ABSENT = `skipped: no postmortems under ${POSTMORTEMS_DIR} (the shared corpora sit beside the repository)`;
