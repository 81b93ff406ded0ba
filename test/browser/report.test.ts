import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { renderers } from '../../src/render/index.js';
import { toPostmortem } from '../../src/report/index.js';
import { entry, errorRateSeries, sampleReport } from '../support/report.js';
import { CHROMIUM, hasChromium, openBrowser } from './chromium.js';
import { inkedPixels } from './pixels.js';

const SCREENSHOT = 'docs/report.png';

if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

describe.skipIf(!hasChromium)(`the HTML report in Chromium (skipped when ${CHROMIUM} is absent)`, () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let context: BrowserContext;
  let url: string;
  const requests: string[] = [];
  const complaints: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-report-'));
    const file = join(dir, 'checkout-multi-source.html');
    const { output } = await generate(['examples/checkout-multi-source'], { format: 'html' });
    writeFileSync(file, output);
    url = pathToFileURL(file).href;
    browser = await openBrowser();
    context = browser.context;
    context.on('request', (r) => requests.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(hash = ''): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && complaints.push(m.text()));
    page.on('pageerror', (e) => complaints.push(e.message));
    await page.goto(url + hash);
    return page;
  }

  const visibleRows = (page: Page) =>
    page
      .locator('table.timeline tbody tr')
      .evaluateAll((rows) =>
        rows
          .filter((r) => (r as HTMLElement).offsetParent !== null)
          .map((r) => ({ kind: r.getAttribute('data-kind'), service: r.children[4]?.textContent ?? '' })),
      );

  it('scrolls to and highlights the timeline entry when a claim cites it', async () => {
    const page = await open();
    const link = page.locator('#claims a.ref').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
    const target = await page.evaluate(() => {
      const row = document.querySelector(':target') as HTMLElement;
      const box = row.getBoundingClientRect();
      return {
        id: row.id,
        tag: row.tagName,
        outline: getComputedStyle(row).outlineStyle,
        inView: box.top >= 0 && box.bottom <= innerHeight,
        scrolled: scrollY,
      };
    });
    expect(target).toMatchObject({ id: href.slice(1), tag: 'TR', outline: 'solid', inView: true });
    expect(target.scrolled).toBeGreaterThan(500);
    await page.close();
  });

  it('filters the timeline by kind and by service without any script', async () => {
    const page = await open();
    const all = await visibleRows(page);
    expect(all).toHaveLength(14);

    await page.locator('#fk-note').uncheck();
    const noNotes = await visibleRows(page);
    expect(noNotes).toHaveLength(14 - all.filter((r) => r.kind === 'note').length);
    expect(noNotes.some((r) => r.kind === 'note')).toBe(false);
    const dimmed = await page
      .locator('.mark[data-kind="note"]')
      .first()
      .evaluate((m) => getComputedStyle(m).opacity);
    expect(Number(dimmed)).toBeLessThan(0.5);

    await page.getByRole('button', { name: 'Show all' }).click();
    expect(await visibleRows(page)).toHaveLength(14);

    const services = page.locator('.filters fieldset').nth(1).locator('label');
    for (const label of await services.all()) {
      if (!(await label.textContent())?.startsWith('checkout')) await label.locator('input').uncheck();
    }
    const checkout = await visibleRows(page);
    expect(checkout).toHaveLength(all.filter((r) => r.service === 'checkout').length);
    expect(checkout.every((r) => r.service === 'checkout')).toBe(true);
    await page.close();
  });

  it('prints every row and no filter controls', async () => {
    const page = await open();
    await page.locator('#fk-note').uncheck();
    await page.emulateMedia({ media: 'print' });
    expect(await visibleRows(page)).toHaveLength(14);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('draws a non-empty timeline chart and saves the screenshot for the README', async () => {
    const page = await open();
    const chart = page.locator('svg.timeline-chart');
    const marks = await chart
      .locator('.mark circle')
      .evaluateAll((cs) =>
        cs.map((c) => c.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 0),
      );
    expect(marks).toHaveLength(14);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(900);
    const png = await chart.screenshot();
    expect(await inkedPixels(context, png)).toBeGreaterThan(box.width * box.height * 0.05);

    // The Timeline section down to its sixth row: chart, legend, filters and the first entries.
    const region = await page.evaluate(() => {
      const top = document.querySelector('section#timeline')!.getBoundingClientRect().top + scrollY;
      const end =
        document.querySelectorAll('table.timeline tbody tr')[5].getBoundingClientRect().bottom + scrollY;
      return { top: Math.floor(top) - 16, height: Math.ceil(end - top) + 12 };
    });
    const shot = await page.screenshot({
      fullPage: true,
      clip: { x: 0, y: region.top, width: 1200, height: region.height },
    });
    expect(shot.length).toBeGreaterThan(50_000);
    mkdirSync('docs', { recursive: true });
    writeFileSync(SCREENSHOT, shot);
    await page.close();
  });

  it('jumps from a chart mark to its timeline row', async () => {
    const page = await open();
    await page.locator('svg.timeline-chart a.mark[href="#ref-RB-9120"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe('ref-RB-9120');
    await page.close();
  });

  it('loads nothing but the file itself and logs no error (a CSP violation would be one)', () => {
    expect(requests.filter((u) => u !== url && !u.startsWith(`${url}#`))).toEqual([]);
    expect(complaints).toEqual([]);
  });

  it('draws each metric series with its baseline, anomaly and change markers', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hindsight-series-')), 'series.html');
    writeFileSync(file, renderers.html(toPostmortem(sampleReport(), [errorRateSeries()])));
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    const chart = page.locator('svg.series-chart');
    for (const part of ['path.series-line', '.baseline rect', '.anomaly circle', '.change-marker line']) {
      const boxes = await chart
        .locator(part)
        .evaluateAll((els) =>
          els.map((e) => e.getBoundingClientRect()).filter((b) => b.width > 0 || b.height > 0),
        );
      expect(boxes.length, part).toBeGreaterThan(0);
    }
    const png = await chart.screenshot();
    const box = (await chart.boundingBox())!;
    expect(await inkedPixels(context, png)).toBeGreaterThan(box.width * box.height * 0.05);
    await chart.locator('a.anomaly-peak').click();
    await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe('ref-MET-PEAK');
    await page.close();
  });

  it('runs nothing from hostile evidence', async () => {
    const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'];
    const report = sampleReport({
      timeline: payloads.map((p, i) => entry(i, 'log', p, { service: p, summary: p, details: [p] })),
      claims: [{ id: 'C', statement: payloads.join(' '), evidenceRefs: payloads, confidence: 0.5 }],
    });
    const file = join(mkdtempSync(join(tmpdir(), 'hindsight-hostile-')), 'hostile.html');
    writeFileSync(file, renderers.html(toPostmortem(report, [])));
    const page = await context.newPage();
    const dialogs: string[] = [];
    const fetched: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    for (const link of await page.locator('#claims a.ref').all()) await link.click();
    expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('table.timeline').textContent()).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    expect(fetched.every((u) => u.startsWith('file://'))).toBe(true);
    await page.close();
  });
});
