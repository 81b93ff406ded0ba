import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDbPath, serving } from '../support/serving.js';
import { CHROMIUM, hasChromium, openBrowser } from './chromium.js';

describe.skipIf(!hasChromium)(`the review page in Chromium (skipped when ${CHROMIUM} is absent)`, () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let server: Awaited<ReturnType<typeof serving>>;
  const complaints: string[] = [];

  beforeAll(async () => {
    server = await serving({ db: freshDbPath(), bundles: ['examples/seed-003'] });
    browser = await openBrowser();
  }, 60_000);

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

  it('goes from the list to an incident, accepts a claim, edits a follow-up, and keeps both on reload', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'examples/seed-003' }).click();
    await expect.poll(() => page.url()).toContain('/incidents/INC-1042');

    const claim = page.locator('form#review-CLM-001');
    await claim.locator('select[name=decision]').selectOption('accepted');
    await claim.locator('input[name=reason]').fill('the deploy log shows it');
    await claim.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState('load');

    const followUp = page.locator('form#review-FU-002');
    await followUp.locator('input[name=owner]').fill('Dana (payments)');
    await followUp.locator('input[name=due]').fill('2026-12-15');
    await followUp.locator('select[name=status]').selectOption('in-progress');
    await followUp.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState('load');

    await page.reload();
    expect(await page.locator('form#review-CLM-001 select[name=decision]').inputValue()).toBe('accepted');
    expect(await page.locator('form#review-FU-002 input[name=owner]').inputValue()).toBe('Dana (payments)');
    expect(await page.locator('form#review-FU-002 input[name=due]').inputValue()).toBe('2026-12-15');
    expect(await page.locator('section#claims').textContent()).toContain('accepted: the deploy log shows it');
    expect(await page.locator('section#follow-ups').textContent()).toContain('in-progress');
    expect(complaints).toEqual([]);
    await page.close();
  }, 60_000);
});
