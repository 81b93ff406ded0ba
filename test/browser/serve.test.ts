import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { importFile, openLibrary } from '../../src/library/index.js';
import { FIXTURE_POSTMORTEMS_DIR, postmortemFiles, seedFiles } from '../../src/lint/corpus.js';
import { freshDbPath, serving } from '../support/serving.js';
import { CHROMIUM, hasChromium, openBrowser } from './chromium.js';
import { inkedPixels } from './pixels.js';

const LIBRARY_SCREENSHOT = 'docs/library.png';
const REVIEW_SCREENSHOT = 'docs/review-library.png';
/** Not kept in the repository: a look at the review form after a save, for checking by eye. */
const FORM_SCREENSHOT = join(tmpdir(), 'hindsight-review-form.png');

/** A library with history: the seeds and a team's public postmortems imported, one report generated earlier. */
async function fillLibrary(db: string) {
  const store = await openLibrary(db);
  try {
    const files = [
      ...seedFiles(),
      ...postmortemFiles(FIXTURE_POSTMORTEMS_DIR).filter((f) => f.includes('PostHog__')),
    ];
    for (const file of files) await store.save(await importFile(file));
  } finally {
    await store.close();
  }
  await generate(['examples/checkout-multi-source'], { format: 'json', library: { db } });
}

describe.skipIf(!hasChromium)(`the review page in Chromium (skipped when ${CHROMIUM} is absent)`, () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let server: Awaited<ReturnType<typeof serving>>;
  const complaints: string[] = [];

  beforeAll(async () => {
    const db = freshDbPath();
    await fillLibrary(db);
    server = await serving({ db, bundles: ['examples/seed-003'] });
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    // A policy violation shows up as a console error: the page must need nothing it forbids.
    page.on('console', (m) => m.type() === 'error' && complaints.push(m.text()));
    page.on('pageerror', (e) => complaints.push(e.message));
    await page.goto(`${server.origin}${path}`);
    return page;
  }

  /** A field of the review form by the fieldset it is in and how its name ends (`/decision`). */
  const field = (page: Page, fieldset: string, name: string) =>
    page.locator(`form#review-form fieldset#${fieldset} [name$="/${name}"]`);
  const saveIn = (page: Page, section: string) =>
    page.locator(`form#review-form button[name=at][value=${section}]`).click();

  it('goes from the list to an incident, accepts a claim, edits a follow-up, and keeps both on reload', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'examples/seed-003' }).click();
    await expect.poll(() => page.url()).toContain('/incidents/INC-1042');

    await field(page, 'review-CLM-001', 'decision').selectOption('accepted');
    await field(page, 'review-CLM-001', 'reason').fill('the deploy log shows it');
    await saveIn(page, 'claims');
    await page.waitForLoadState('load');

    await field(page, 'review-FU-002', 'owner').fill('Dana (payments)');
    await field(page, 'review-FU-002', 'due').fill('2026-12-15');
    await field(page, 'review-FU-002', 'status').selectOption('in-progress');
    await saveIn(page, 'follow-ups');
    await page.waitForLoadState('load');

    await page.reload();
    expect(await field(page, 'review-CLM-001', 'decision').inputValue()).toBe('accepted');
    expect(await field(page, 'review-FU-002', 'owner').inputValue()).toBe('Dana (payments)');
    expect(await field(page, 'review-FU-002', 'due').inputValue()).toBe('2026-12-15');
    expect(await page.locator('section#claims').textContent()).toContain('accepted: the deploy log shows it');
    expect(await page.locator('section#follow-ups').textContent()).toContain('in-progress');
    expect(complaints).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps what was typed in one part when another part is saved, and adds a follow-up and a timeline entry', async () => {
    const page = await open('/incidents/INC-1042');
    await field(page, 'review-narrative-lessons', 'text').fill('Size pools from load tests.');
    await field(page, 'review-CLM-002', 'decision').selectOption('rejected');
    await page
      .locator('fieldset#review-new-follow-up [name="new-follow-up/action"]')
      .fill('Alert on pool saturation');
    await page.locator('fieldset#review-new-follow-up [name="new-follow-up/owner"]').fill('Ops');
    await page.locator('[name="new-timeline/ts"]').fill('2026-02-10T10:07');
    await page.locator('[name="new-timeline/summary"]').fill('Status page updated by hand');
    await saveIn(page, 'claims');
    await page.waitForLoadState('load');
    await page.reload();
    expect(await field(page, 'review-narrative-lessons', 'text').inputValue()).toBe(
      'Size pools from load tests.',
    );
    expect(await field(page, 'review-CLM-002', 'decision').inputValue()).toBe('rejected');
    expect(await page.locator('section#follow-ups').textContent()).toContain('Alert on pool saturation');
    expect(await page.locator('section#timeline').textContent()).toContain('Status page updated by hand');
    expect(await field(page, 'review-FU-R1', 'owner').inputValue()).toBe('Ops');
    await page.locator('#review-FU-R1').scrollIntoViewIfNeeded();
    writeFileSync(FORM_SCREENSHOT, await page.screenshot({ fullPage: false }));
    expect(complaints).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the library at a glance: stats charts with ink in them, and saves the screenshot', async () => {
    const page = await open('/');
    for (const name of [
      'Incidents per month',
      'Median time to detect, acknowledge and mitigate per month',
      'Incidents per service',
    ]) {
      const chart = page.getByRole('img', { name, exact: true });
      await chart.scrollIntoViewIfNeeded();
      const box = (await chart.boundingBox())!;
      expect(box.width, name).toBeGreaterThan(600);
      expect(await chart.locator('rect.bar').count(), name).toBeGreaterThan(1);
      const png = await chart.screenshot();
      expect(await inkedPixels(browser.context, png), name).toBeGreaterThan(box.width * box.height * 0.03);
    }
    // Bars are coloured by the stylesheet (no style attributes): a drawn bar is not black.
    const fill = await page
      .locator('svg[aria-label="Incidents per month"] rect.bar')
      .first()
      .evaluate((r) => getComputedStyle(r).fill);
    expect(fill).toBe('rgb(13, 110, 253)');
    expect(await page.locator('section#stats table').first().textContent()).toContain('Median TTD');
    await page.evaluate(() => window.scrollTo(0, 0));
    writeFileSync(LIBRARY_SCREENSHOT, await page.screenshot({ fullPage: false }));
    expect(complaints).toEqual([]);
    await page.close();
  }, 60_000);

  it('reviews an incident that is only in the library, with no bundle served', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: /Card payments failing at checkout/ }).click();
    await expect.poll(() => page.url()).toContain('/incidents/INC-2207');
    expect(await page.locator('.notice').textContent()).toContain('report kept in the library');

    await field(page, 'review-CLM-002', 'decision').selectOption('rejected');
    await field(page, 'review-CLM-002', 'reason').fill('the <b>timeline</b> says otherwise');
    await saveIn(page, 'claims');
    await page.waitForLoadState('load');
    await page.reload();
    expect(await field(page, 'review-CLM-002', 'decision').inputValue()).toBe('rejected');
    expect(await page.locator('section#claims').textContent()).toContain(
      'rejected: the <b>timeline</b> says otherwise',
    );
    expect(await page.locator('section#claims b').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    writeFileSync(REVIEW_SCREENSHOT, await page.screenshot({ fullPage: false }));
    expect(complaints).toEqual([]);
    await page.close();
  }, 60_000);
});
