// Test support: the one suite every store backend must pass (SQLite and PostgreSQL alike).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_IMPACT } from '../analysis/index.js';
import { FIXTURE_POSTMORTEMS_DIR, postmortemFiles, seedFiles } from '../lint/corpus.js';
import { Report } from '../model/index.js';
import { recordFromReport } from './from-report.js';
import { importFile } from './import.js';
import { MIGRATIONS } from './migrations.js';
import type { IncidentRecord } from './record.js';
import { subjectOfReport } from './review-subject.js';
import type { IncidentStore } from './store.js';

/** A generated report as the core produces it, small enough to read. */
export function sampleReport(): Report {
  const moment = (ts: string, ref: string) => ({ ts, ref });
  return Report.parse({
    schemaVersion: 1,
    incident: {
      id: 'INC-2001',
      title: 'api-gateway 5xx: connection pool exhausted',
      severity: 'SEV2',
      services: ['api-gateway'],
      summary: 'Connection pool exhausted after a config deploy.',
    },
    zone: 'UTC',
    timeline: [
      {
        ts: '2026-03-02T10:00:00.000Z',
        kind: 'change',
        service: 'api-gateway',
        ref: 'DEP-1',
        summary: 'Deploy maxPoolSize 10',
        source: { file: 'events.jsonl', line: 1 },
      },
      {
        ts: '2026-03-02T10:04:00.000Z',
        kind: 'log',
        service: 'api-gateway',
        ref: 'L-1',
        summary: 'Connection pool exhausted <*>',
        source: { file: 'app.log', line: 9 },
        attrs: { template: 'Connection pool exhausted <*>' },
      },
      {
        ts: '2026-03-02T10:05:00.000Z',
        kind: 'alert',
        service: 'api-gateway',
        ref: 'A-1',
        summary: '5xx rate high',
        source: { file: 'am.json', line: null },
      },
    ],
    moments: {
      trigger: moment('2026-03-02T10:00:00.000Z', 'DEP-1'),
      impactStart: moment('2026-03-02T10:04:00.000Z', 'L-1'),
      detected: moment('2026-03-02T10:05:00.000Z', 'A-1'),
      acknowledged: null,
      mitigationStarted: null,
      recovered: null,
      declared: null,
      closed: null,
    },
    durations: {
      detect: 60,
      acknowledge: null,
      mitigate: 900,
      impact: 960,
      detectFromTrigger: 300,
      impactFromTrigger: null,
    },
    suspects: [
      {
        ref: 'DEP-1',
        service: 'api-gateway',
        summary: 'Deploy set the connection pool size to 10',
        confidence: 0.8,
        reasons: ['precedes the first symptom by 4 min'],
        against: [],
      },
    ],
    findings: [
      {
        id: 'F-001',
        rule: 'pool-exhaustion',
        kind: 'mechanism',
        severity: 'medium',
        statement: 'api-gateway exhausted its connection pool (L-1).',
        evidenceRefs: ['L-1'],
      },
    ],
    claims: [],
    impact: { ...EMPTY_IMPACT, errorRatePeak: 0.12, errorRateBaseline: 0.001 },
    followUps: [
      {
        id: 'FU-1',
        action: 'Add a pool utilisation alert',
        ownerRole: 'sre',
        priority: 'high',
        evidenceRefs: ['L-1'],
      },
    ],
    gaps: [],
    dataQuality: { filesRead: 3, eventsRead: 3, linesSkipped: 0, problems: [], notes: [] },
  });
}

const seed = (prefix: string) => seedFiles().find((f) => f.includes(`/${prefix}_`))!;

/**
 * Runs the store contract against a backend. `open` gives a fresh, empty library each call.
 * @example storeContract('sqlite', async () => openLibrary(':memory:'))
 */
// Long because it is the whole contract suite: one shared fixture set, one `it` per promise a store makes.
export function storeContract(
  name: string,
  open: () => Promise<IncidentStore>,
  { skip = '' }: { skip?: string } = {},
): void {
  describe.skipIf(Boolean(skip))(`${name} library store${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let store: IncidentStore;
    const records: Record<string, IncidentRecord> = {};

    beforeAll(async () => {
      store = await open();
      const files = [
        ...seedFiles(),
        ...postmortemFiles(FIXTURE_POSTMORTEMS_DIR).filter((f) => /dfds__|PostHog__/.test(f)),
      ];
      for (const file of files) {
        const record = await store.save(await importFile(file));
        records[file] = record;
      }
    });
    afterAll(async () => store?.close());

    it('records every schema version in schema_migrations', async () => {
      expect(await store.migrations()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3]);
    });

    it('keeps the latest review edit of each item, per incident', async () => {
      await store.putEdit('inc-a', 'claim:CLM-001', { decision: 'rejected', reason: 'old' });
      await store.putEdit('inc-a', 'claim:CLM-001', { decision: 'accepted', reason: 'seen in <logs>' });
      await store.putEdit('inc-a', 'narrative:lessons', { text: 'Canary first.' });
      await store.putEdit('inc-b', 'claim:CLM-001', { decision: 'rejected', reason: '' });
      expect(await store.edits('inc-a')).toEqual({
        'claim:CLM-001': { decision: 'accepted', reason: 'seen in <logs>' },
        'narrative:lessons': { text: 'Canary first.' },
      });
      expect(await store.edits('no-such-incident')).toEqual({});
    });

    it('forgets an edit when asked, and only that one', async () => {
      await store.putEdit('inc-c', 'claim:one', { decision: 'accepted', reason: '' });
      await store.putEdit('inc-c', 'claim:two', { decision: 'rejected', reason: '' });
      await store.deleteEdit('inc-c', 'claim:one');
      await store.deleteEdit('inc-c', 'no-such-item');
      expect(Object.keys(await store.edits('inc-c'))).toEqual(['claim:two']);
    });

    it('gives back a saved record exactly as it was imported', async () => {
      const record = records[seed('004')];
      expect(await store.get(record.id)).toEqual(record);
      expect(await store.get('no-such-incident')).toBeNull();
    });

    it('replaces a record saved again under the same id', async () => {
      const record = records[seed('003')];
      const before = (await store.list()).length;
      await store.save({ ...record, title: 'INC-1042 retitled' });
      expect((await store.list()).length).toBe(before);
      expect((await store.get(record.id))?.title).toBe('INC-1042 retitled');
      expect((await store.search('retitled')).map((r) => r.id)).toEqual([record.id]);
      await store.save(record);
    });

    it("finds seed 004's incident from 'connection pool' and ranks it above unrelated ones", async () => {
      const results = await store.search('connection pool');
      const ids = results.map((r) => r.id);
      const unrelated =
        records[
          postmortemFiles(FIXTURE_POSTMORTEMS_DIR).find(
            (f) => f.includes('dfds__') && f.includes('PM2019-009'),
          )!
        ];
      expect(ids[0]).toBe(records[seed('004')].id);
      if (unrelated) expect(ids).not.toContain(unrelated.id);
      expect(results[0].score).toBeGreaterThan(results[results.length - 1].score);
      expect(results[0].snippet.toLowerCase()).toMatch(/\[connection\]|\[pool\]/);
    });

    it('filters search results by service, date and severity', async () => {
      const byService = await store.search('pool', { service: 'api-server' });
      expect(byService.map((r) => r.id)).toEqual([records[seed('004')].id]);
      const late = await store.search('deploy', { since: '2026-01-01' });
      expect(late.length).toBeGreaterThan(0);
      expect(late.every((r) => (r.date ?? '') >= '2026-01-01')).toBe(true);
      const early = await store.search('deploy', { until: '2020-12-31' });
      expect(early.every((r) => r.date != null && r.date <= '2020-12-31')).toBe(true);
      const p0 = await store.search('pool', { severity: 'p0' });
      expect(p0.map((r) => r.id)).toEqual([records[seed('004')].id]);
    });

    it('treats quotes and operators in a search as plain words', async () => {
      await expect(store.search('pool" OR (NEAR* -:')).resolves.toBeInstanceOf(Array);
      expect(await store.search('"')).toEqual([]);
    });

    it('lists incidents newest first', async () => {
      const dates = (await store.list()).map((r) => r.date).filter((d): d is string => d != null);
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('saves a generated report and relates it to past pool incidents, saying why', async () => {
      const saved = await store.save(sampleReport());
      expect(saved).toMatchObject({
        id: 'INC-2001',
        origin: 'generated',
        logTemplates: ['Connection pool exhausted <*>'],
      });
      await store.save({
        ...records[seed('003')],
        id: 'INC-1999',
        logTemplates: ['Connection pool exhausted <*>'],
      });
      const related = await store.related(sampleReport());
      const byId = new Map(related.map((r) => [r.id, r]));
      expect(byId.get('INC-1999')?.reasons).toEqual(
        expect.arrayContaining([
          'same service: api-gateway',
          "same failing log template: 'Connection pool exhausted <*>'",
        ]),
      );
      expect(byId.get(records[seed('004')].id)?.reasons).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^similar text: .*'pool'/),
          'same kind of cause: capacity',
        ]),
      );
      expect(related.map((r) => r.id)).not.toContain('INC-2001');
    });

    it('counts incidents per service and month with median response times and overdue follow-ups', async () => {
      const stats = await store.stats({ today: '2024-01-23' });
      const gateway = stats.byService.find((s) => s.service === 'api-gateway');
      expect(gateway?.count).toBeGreaterThanOrEqual(2);
      expect(stats.byMonth.find((m) => m.month === '2021-06')?.count).toBe(2);
      expect(stats.recurringCauses[0].count).toBeGreaterThan(1);
      const overdue = stats.overdueFollowUps
        .filter((f) => f.incident === records[seed('004')].id)
        .map((f) => f.action);
      expect(overdue).toEqual(['Add config validation to CI', 'Review all configs']);
    });

    it('keeps a generated report whole beside its record, and no report for an imported one', async () => {
      const report = { ...sampleReport(), incident: { ...sampleReport().incident, id: 'INC-2002' } };
      report.claims = [
        { id: 'CLM-001', statement: 'Pool hit <max> at 10:04', evidenceRefs: ['L-1'], confidence: 0.9 },
      ];
      await store.save(report);
      expect(await store.report('INC-2002')).toEqual(Report.parse(report));
      expect((await store.get('INC-2002'))?.origin).toBe('generated');
      expect(await store.report(records[seed('004')].id)).toBeNull();
      expect(await store.report('no-such-incident')).toBeNull();
    });

    it('keeps working for a generated record saved without its report, as older libraries hold them', async () => {
      const older = { ...recordFromReport(sampleReport()), id: 'INC-1998' };
      await store.save(older);
      expect(await store.get('INC-1998')).toEqual(older);
      expect(await store.report('INC-1998')).toBeNull();
      await store.save({ ...sampleReport(), incident: { ...sampleReport().incident, id: 'INC-1998' } });
      expect((await store.report('INC-1998'))?.suspects[0].ref).toBe('DEP-1');
      await store.save(older);
      expect(await store.report('INC-1998')).toBeNull();
    });

    it('counts follow-ups past due as the review left them: a due date set there, closed there', async () => {
      const report = { ...sampleReport(), incident: { ...sampleReport().incident, id: 'INC-2003' } };
      await store.save(report);
      const [item] = subjectOfReport(report).followUps;
      const late = async () =>
        (await store.stats({ today: '2026-06-01' })).overdueFollowUps.filter(
          (f) => f.incident === 'INC-2003',
        );
      expect(await late()).toEqual([]);
      const edit = {
        owner: 'sre on call',
        due: '2026-05-01',
        status: 'in-progress',
        id: item.id,
        text: item.text,
      };
      await store.putEdit('INC-2003', item.key, edit);
      expect(await late()).toEqual([
        {
          incident: 'INC-2003',
          action: 'Add a pool utilisation alert',
          owner: 'sre on call',
          due: '2026-05-01',
        },
      ]);
      await store.putEdit('INC-2003', item.key, { ...edit, status: 'wont-do' });
      expect(await late()).toEqual([]);
    });
  });
}
