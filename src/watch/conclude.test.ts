import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VersionedService, versionedService } from '../../test/support/versioned-service.js';
import { openLibrary } from '../library/index.js';
import { concludeWatch, REPORT_FILES, VERIFIED_FILE } from './conclude.js';
import { watchDeploy } from './watch.js';

const FAST = {
  intervalMs: 100,
  timeoutMs: 1000,
  rule: { failures: 3, settleMs: 300, watchMs: 500, recoverWithinMs: 800, forMs: 300 },
};

describe('what a watch leaves when it ends', () => {
  let svc: VersionedService;
  beforeAll(async () => {
    svc = await versionedService();
  });
  afterAll(() => svc.close());

  const watched = async (deployTo: string) => {
    writeFileSync(join(svc.dir, 'version'), '1.0.0');
    const out = mkdtempSync(join(tmpdir(), 'hindsight-conclude-'));
    const watch = {
      out,
      health: [svc.health],
      service: 'checkout',
      version: '2.0.0',
      previousVersion: '1.0.0',
    };
    const result = await watchDeploy({
      ...watch,
      ...FAST,
      deploy: svc.switchTo(deployTo),
      rollback: svc.switchTo('1.0.0'),
    });
    return { out, watch, result };
  };

  it('is a deploy-verified record and no incident for a healthy deploy', async () => {
    const { out, watch, result } = await watched('1.0.0');
    const c = await concludeWatch(watch, result);
    expect(c.written).toEqual([join(out, VERIFIED_FILE)]);
    expect(JSON.parse(readFileSync(join(out, VERIFIED_FILE), 'utf8'))).toMatchObject({
      kind: 'deploy-verified',
      service: 'checkout',
      version: '2.0.0',
      failedChecks: 0,
    });
    expect(existsSync(join(out, 'incident.yaml'))).toBe(false);
    expect(existsSync(join(out, REPORT_FILES.md))).toBe(false);
  });

  it('is incident.yaml, the postmortem in Markdown and HTML, and a library entry after a rollback', async () => {
    const { out, watch, result } = await watched('2.0.0');
    expect(result.outcome).toBe('recovered');
    const db = join(mkdtempSync(join(tmpdir(), 'hindsight-conclude-db-')), 'library.db');
    const c = await concludeWatch(watch, result, { db });
    expect(c.warnings.filter((w) => w.startsWith('postmortem not written'))).toEqual([]);
    expect(c.written.map((f) => f.slice(out.length + 1))).toEqual([
      'incident.yaml',
      REPORT_FILES.md,
      REPORT_FILES.html,
    ]);
    expect(c.id).toMatch(/^WATCH-checkout-\d{8}T\d{6}Z$/);
    expect(readFileSync(join(out, REPORT_FILES.md), 'utf8')).toContain('checkout 2.0.0 rolled back to 1.0.0');
    expect(readFileSync(join(out, REPORT_FILES.html), 'utf8')).toMatch(/^<!doctype html>/i);
    const library = await openLibrary(db);
    try {
      expect((await library.get(c.id!))?.title).toBe(
        'checkout 2.0.0 rolled back to 1.0.0 after failed health checks',
      );
    } finally {
      await library.close();
    }
  });
});
