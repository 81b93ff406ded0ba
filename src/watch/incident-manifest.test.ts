import { describe, expect, it } from 'vitest';
import { parseManifest } from '../bundle/index.js';
import { incidentManifest, type WatchFacts } from './incident-manifest.js';

const t = (s: string) => Date.parse(`2026-12-04T20:${s}Z`);
const facts: WatchFacts = {
  service: 'checkout',
  version: '2.0.0',
  previousVersion: '1.0.0',
  startedAt: t('00:01.000'),
  deployedAt: t('00:03.000'),
  firstFailureAt: t('00:46.000'),
  detectedAt: t('01:01.000'),
  detectReason: '3 consecutive failed checks of http://127.0.0.1:8080/health',
  rollbackStartedAt: t('01:01.000'),
  rollbackFinishedAt: t('01:04.000'),
  rollbackExitCode: 0,
  endedAt: t('02:05.000'),
  outcome: 'recovered',
  queries: ['errorRate', 'p99'],
};

describe('the incident.yaml a watch writes', () => {
  it('is a manifest the bundle reader accepts without unknown keys', () => {
    const { manifest, unknownKeys } = parseManifest(incidentManifest(facts), 'incident.yaml');
    expect(unknownKeys).toEqual([]);
    expect(manifest).toMatchObject({
      id: 'WATCH-checkout-20261204T200001Z',
      title: 'checkout 2.0.0 rolled back to 1.0.0 after failed health checks',
      timezone: 'UTC',
      date: '2026-12-04',
      services: ['checkout'],
      sources: [{ path: 'prometheus-errorRate.json', measure: 'errorRate', service: 'checkout' }],
    });
  });

  it('states the versions and every moment in its header', () => {
    const text = incidentManifest(facts);
    expect(text).toContain('# versions: 2.0.0 deployed, 1.0.0 before');
    expect(text).toContain('# detected: 2026-12-04T20:01:01.000Z (3 consecutive failed checks of');
    expect(text).toContain('# rollback finished: 2026-12-04T20:01:04.000Z (exit 0)');
    expect(text).toContain('# recovered: 2026-12-04T20:02:05.000Z');
  });

  it('says when the rollback did not restore service', () => {
    const { manifest } = parseManifest(
      incidentManifest({ ...facts, outcome: 'not-recovered' }),
      'incident.yaml',
    );
    expect(manifest.title).toBe('checkout 2.0.0: rollback to 1.0.0 did not restore service');
  });
});
