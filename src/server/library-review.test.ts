import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { form, freshDbPath, serving } from '../../test/support/serving.js';
import { generate } from '../generate.js';
import { contentKey, importFile, openLibrary, recordFromReport } from '../library/index.js';
import { sampleReport } from '../library/store-contract.js';

const SEED = 'examples/seed-003';
const SEED_004 = 'test/fixtures/seeds/004_afdeac6cc0549373.txt';

async function withLibrary(
  db: string,
  work: (store: Awaited<ReturnType<typeof openLibrary>>) => Promise<void>,
) {
  const store = await openLibrary(db);
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

describe('an incident only in the library', () => {
  it('gets the full review page, takes decisions and exports them, without its bundle', async () => {
    const db = freshDbPath();
    await generate([SEED], { format: 'json', library: { db } });
    const server = await serving({ db });
    try {
      const page = await (await fetch(`${server.origin}/incidents/INC-1042`)).text();
      expect(page).toContain('<h2>Claims and evidence</h2>');
      expect(page).toContain('action="/incidents/INC-1042/review"');
      for (const part of ['CLM-001', 'suspect-DEP-7781', 'FU-002'])
        expect(page).toContain(`<fieldset id="review-${part}">`);
      expect(page).toContain('Reviewing the report kept in the library');
      const saved = await fetch(
        `${server.origin}/incidents/INC-1042/claims/CLM-002`,
        form({ decision: 'accepted', reason: 'the GC log shows it' }),
      );
      expect(saved.status).toBe(303);
      await fetch(
        `${server.origin}/incidents/INC-1042/narrative/lessons`,
        form({ text: 'Canary before <all> regions.' }),
      );
      const md = await (await fetch(`${server.origin}/incidents/INC-1042/export.md`)).text();
      expect(md).toContain('accepted: the GC log shows it');
      expect(md).toContain('## Lessons');
      const html = await (await fetch(`${server.origin}/incidents/INC-1042/export.html`)).text();
      expect(html).toContain('Canary before &lt;all&gt; regions.');
      const json = await (await fetch(`${server.origin}/incidents/INC-1042/export.json`)).json();
      expect(json.claims).toHaveLength(11);
      expect(json.review.claims[1]).toMatchObject({ id: 'CLM-002', decision: 'accepted' });
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('shows an imported postmortem for what it is: no decisions, editable narrative and action items', async () => {
    const db = freshDbPath();
    let id = '';
    await withLibrary(db, async (store) => {
      id = (await store.save(await importFile(SEED_004))).id;
      // An edit of an action item a re-import no longer lists.
      const gone = 'Rotate the on-call pager';
      await store.putEdit(id, contentKey('follow-up', gone), {
        owner: 'Kai',
        due: '',
        status: 'open',
        id: 'AI-99',
        text: gone,
      });
    });
    const server = await serving({ db });
    const at = `${server.origin}/incidents/${encodeURIComponent(id)}`;
    try {
      const page = await (await fetch(at)).text();
      expect(page).toContain('Imported from a written postmortem');
      expect(page).toContain('Add config validation to CI');
      expect(page).toContain('004_afdeac6cc0549373.txt');
      expect(page).not.toContain('test/fixtures/seeds/');
      expect(page).toMatch(/<th>Duration<\/th><td>[\d.]+ h<\/td>/);
      expect(page).not.toContain('<h3>Claims</h3>');
      expect(page).not.toMatch(/decision"/);
      expect(page).toContain(`action="/incidents/${id}/review"`);
      expect(page).toContain('<fieldset id="review-AI-15">');
      expect(page).toMatch(
        /id="review-AI-15"[\s\S]*?value="2024-01-20"[\s\S]*?<option value="in-progress" selected>/,
      );
      await fetch(
        `${at}/follow-ups/AI-15`,
        form({ owner: 'Platform team', due: '2024-02-20', status: 'done' }),
      );
      await fetch(`${at}/narrative/went-well`, form({ text: 'The rollback took <5 min>.' }));
      const after = await (await fetch(at)).text();
      expect(after).toMatch(
        /<td>Add config validation to CI<\/td><td>Platform team<\/td><td>2024-02-20<\/td><td>done<\/td>/,
      );
      expect(after).toContain('The rollback took &lt;5 min&gt;.');
      await fetch(`${at}/follow-ups`, form({ action: 'Load-test pool sizes', owner: 'DB team' }));
      await fetch(`${at}/timeline`, form({ ts: '2024-01-10T09:15', summary: 'Customer report <first>' }));
      const withAdded = await (await fetch(at)).text();
      expect(withAdded).toMatch(/<td>FU-R1<\/td><td>Load-test pool sizes<\/td><td>DB team<\/td>/);
      expect(withAdded).toContain('<td>added in review</td><td>Customer report &lt;first&gt;</td>');
      const claim = await fetch(`${at}/claims/CLM-001`, form({ decision: 'accepted' }));
      expect(claim.status).toBe(404);
      expect((await claim.json()).error.message).toContain('was imported: it has no claims');
      const markdown = await (await fetch(`${at}/export.md`)).text();
      expect(markdown).toMatch(/^# .+\n/);
      expect(markdown).toContain('**Imported from:** 004_afdeac6cc0549373.txt');
      expect(markdown).toMatch(
        /\| AI-15 \| Add config validation to CI \| Platform team \| 2024-02-20 \| done \|/,
      );
      expect(markdown).toContain('## What went well\n\nThe rollback took <5 min>.');
      expect(markdown).toMatch(/\| FU-R1 \| Load-test pool sizes \| DB team \| — \| open \|/);
      expect(markdown).toMatch(/\| 2024-01-10T09:15:00.000Z \| added in review \| Customer report/);
      expect(markdown).not.toContain('test/fixtures/seeds/');
      expect(markdown).toMatch(
        /## Decisions on statements no longer in the draft[\s\S]*Follow-up AI-99 “Rotate the on-call pager”: Kai · open/,
      );
      const html = await fetch(`${at}/export.html`);
      expect(html.headers.get('content-disposition')).toContain('.html"');
      const exported = await html.text();
      expect(exported).toMatch(/<td>Add config validation to CI<\/td><td>Platform team<\/td>/);
      expect(exported).not.toContain('<form');
      expect(exported).toMatch(
        /Decisions on statements no longer in the draft[\s\S]*Follow-up AI-99<\/span> “Rotate the on-call pager”: <strong>Kai · open/,
      );
      expect(exported).not.toContain('All incidents');
      const json = await (await fetch(`${at}/export.json`)).json();
      expect(json.file).toBe('004_afdeac6cc0549373.txt');
      expect(json.body).toBeUndefined();
      expect(json.review.followUps).toContainEqual(
        expect.objectContaining({ id: 'AI-15', owner: 'Platform team', due: '2024-02-20', status: 'done' }),
      );
      expect(json.review.narrative['went-well']).toBe('The rollback took <5 min>.');
      expect(json.review.added.followUps).toEqual([
        { id: 'FU-R1', action: 'Load-test pool sizes', owner: 'DB team', due: '', status: 'open' },
      ]);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('keeps a generated incident saved before reports were kept readable, and says how to review it', async () => {
    const db = freshDbPath();
    await withLibrary(db, async (store) => {
      await store.save(recordFromReport(sampleReport()));
    });
    const server = await serving({ db });
    try {
      const page = await (await fetch(`${server.origin}/incidents/INC-2001`)).text();
      expect(page).toContain('saved before the library kept whole reports');
      expect(page).toContain('Deploy maxPoolSize 10');
      const refused = await fetch(
        `${server.origin}/incidents/INC-2001/claims/CLM-001`,
        form({ decision: 'accepted' }),
      );
      expect(refused.status).toBe(404);
      expect((await refused.json()).error.code).toBe('NOT_REVIEWABLE');
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('review decisions follow their statements', () => {
  it('when regenerating from new evidence renumbers claims and follow-ups', async () => {
    const db = freshDbPath();
    const bundle = join(mkdtempSync(join(tmpdir(), 'hindsight-bundle-')), 'seed-003');
    cpSync(SEED, bundle, { recursive: true });
    const first = await serving({ db, bundles: [bundle] });
    const post = (origin: string, path: string, fields: Record<string, string>) =>
      fetch(`${origin}/incidents/INC-1042/${path}`, form(fields));
    await post(first.origin, 'claims/CLM-008', { decision: 'rejected', reason: 'a chat line is no ack' });
    await post(first.origin, 'claims/CLM-009', { decision: 'accepted', reason: 'rollback began then' });
    await post(first.origin, 'suspects/DEP-7781', { decision: 'accepted', reason: 'the deploy' });
    await post(first.origin, 'follow-ups/FU-003', { owner: 'Lee', due: '', status: 'open' });
    await post(first.origin, 'follow-ups/FU-004', { owner: 'Sam', due: '2026-12-01', status: 'in-progress' });
    const before = await (await fetch(`${first.origin}/incidents/INC-1042`)).text();
    expect(before).toMatch(/<fieldset id="review-CLM-008"><legend>CLM-008: A responder acknowledged/);
    expect(before).toMatch(/<fieldset id="review-CLM-009"><legend>CLM-009: Mitigation began/);
    await first.stop();

    // New evidence: the acknowledgement line and the responder's chat line (which would otherwise
    // acknowledge as the first response) are gone and the deploy had both approvals, so the
    // acknowledgement claim and the approvals follow-up leave the draft and the rest renumber.
    const timeline = join(bundle, 'timeline.md');
    const lines = readFileSync(timeline, 'utf8')
      .split('\n')
      .filter((l) => !l.includes('CHAT-7781-5') && !l.includes('CHAT-7781-6'));
    writeFileSync(timeline, lines.join('\n').replace('approvals 1/2', 'approvals 2/2'));
    const second = await serving({ db, bundles: [bundle] });
    try {
      const page = await (await fetch(`${second.origin}/incidents/INC-1042`)).text();
      const formOf = (id: string) =>
        new RegExp(`<fieldset id="review-${id}">[\\s\\S]*?</fieldset>`).exec(page)?.[0] ?? '';
      expect(formOf('CLM-008')).toContain('CLM-008: Mitigation began');
      expect(formOf('CLM-008')).toContain('<option value="accepted" selected>');
      expect(formOf('CLM-008')).toContain('value="rollback began then"');
      expect(formOf('CLM-009')).toContain('CLM-009: The service recovered');
      expect(formOf('CLM-009')).toContain('<option value="undecided" selected>');
      expect(formOf('suspect-DEP-7781')).toContain('<option value="accepted" selected>');
      expect(formOf('FU-003')).toContain('FU-003: Check the change window');
      expect(formOf('FU-003')).toContain('value="Sam"');
      expect(formOf('FU-004')).not.toContain('value="Sam"');
      expect(formOf('FU-004')).not.toContain('value="Lee"');
      const stale = /<section id="stale-edits">[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
      expect(stale).toContain('Decisions on statements no longer in the draft');
      expect(stale).toMatch(
        /Claim CLM-008<\/span> “A responder acknowledged[^”]*”: <strong>rejected: a chat line is no ack/,
      );
      expect(stale).toMatch(
        /Follow-up FU-003<\/span> “Make the required approvals[^”]*”: <strong>Lee · open/,
      );
      expect(stale).not.toContain('Mitigation began');
      const json = await (await fetch(`${second.origin}/incidents/INC-1042/export.json`)).json();
      expect(json.review.stale.map((s: { kind: string; id: string }) => `${s.kind} ${s.id}`)).toEqual(
        expect.arrayContaining(['claim CLM-008', 'follow-up FU-003']),
      );
      const markdown = await (await fetch(`${second.origin}/incidents/INC-1042/export.md`)).text();
      const listed = markdown.slice(markdown.indexOf('Decisions on statements no longer in the draft'));
      expect(listed).toMatch(
        /Claim CLM-008 “A responder acknowledged[^”]*”: rejected: a chat line is no ack/,
      );
      expect(listed).toMatch(/Follow-up FU-003 “Make the required approvals[^”]*”: Lee · open/);
      expect(listed).not.toContain('Mitigation began');
      const html = await (await fetch(`${second.origin}/incidents/INC-1042/export.html`)).text();
      expect(html).toContain('Decisions on statements no longer in the draft');
      expect(html).toMatch(/Claim CLM-008 “A responder acknowledged[^”]*”: rejected: a chat line is no ack/);
    } finally {
      await second.stop();
    }
  }, 90_000);

  it('never moves an edit kept by id alone onto whatever statement has that id now', async () => {
    const db = freshDbPath();
    await generate([SEED], { format: 'json', library: { db } });
    await withLibrary(db, async (store) => {
      const second = (await store.report('INC-1042'))?.claims[1].statement ?? '';
      // Kept by id by an older version: CLM-003 may have named another statement before regenerating.
      await store.putEdit('INC-1042', 'claim:CLM-003', { decision: 'accepted', reason: 'old key' });
      await store.putEdit('INC-1042', 'follow-up:FU-001', { owner: 'Ana', due: '', status: 'done' });
      // Kept by id with its words: the words say which statement, whatever its id now.
      await store.putEdit('INC-1042', 'claim:CLM-005', {
        decision: 'rejected',
        reason: 'worded',
        text: second,
      });
      // A suspect's id is its change's ref, which is what it is about.
      await store.putEdit('INC-1042', 'suspect:DEP-7781', { decision: 'accepted', reason: 'by ref' });
    });
    const server = await serving({ db });
    try {
      const page = await (await fetch(`${server.origin}/incidents/INC-1042`)).text();
      const part = (id: string) =>
        new RegExp(`<fieldset id="review-${id}">[\\s\\S]*?</fieldset>`).exec(page)?.[0] ?? '';
      expect(part('CLM-003')).toContain('<option value="undecided" selected>');
      expect(part('FU-001')).not.toContain('value="Ana"');
      expect(part('CLM-002')).toContain('<option value="rejected" selected>');
      expect(part('CLM-002')).toContain('value="worded"');
      expect(part('suspect-DEP-7781')).toContain('value="by ref"');
      expect(page).toMatch(
        /Claim CLM-003<\/span> \(its words were not recorded; CLM-003 now says “[^”]+”, which it may not be about\): <strong>accepted: old key/,
      );
      expect(page).toMatch(/Follow-up FU-001<\/span> \(its words were not recorded; FU-001 now says “[^”]+”/);
      const markdown = await (await fetch(`${server.origin}/incidents/INC-1042/export.md`)).text();
      expect(markdown).toMatch(
        /Claim CLM-003 \(its words were not recorded; CLM-003 now says .*?, which it may not be about\): accepted: old key/,
      );
    } finally {
      await server.stop();
    }
    await withLibrary(db, async (store) => {
      const keys = Object.keys(await store.edits('INC-1042'));
      expect(keys).toEqual(expect.arrayContaining(['claim:CLM-003', 'follow-up:FU-001']));
      expect(keys).not.toContain('claim:CLM-005');
      expect(keys).not.toContain('suspect:DEP-7781');
    });
  }, 60_000);
});

describe('the library view', () => {
  it('counts follow-ups as the review left them: a due date set there makes one past due, done closes it', async () => {
    const db = freshDbPath();
    await generate([SEED], { format: 'json', library: { db } });
    const server = await serving({ db });
    const overdue = async () => {
      const page = await (await fetch(`${server.origin}/`)).text();
      return /<h3>Follow-ups past due<\/h3>[\s\S]*?(?=<h3>)/.exec(page)?.[0] ?? '';
    };
    try {
      expect(await overdue()).toContain('No open follow-up is past its due date.');
      await fetch(
        `${server.origin}/incidents/INC-1042/follow-ups/FU-002`,
        form({ owner: 'Dana', due: '2020-01-31', status: 'in-progress' }),
      );
      const late = await overdue();
      expect(late).toContain('<title>INC-1042: 1 follow-ups past due</title>');
      expect(late).toMatch(
        /<td>INC-1042<\/td><td>Protect api-gateway from its failing dependency[^<]*<\/td><td>Dana<\/td><td>2020-01-31<\/td>/,
      );
      await fetch(
        `${server.origin}/incidents/INC-1042/follow-ups/FU-002`,
        form({ owner: 'Dana', due: '2020-01-31', status: 'done' }),
      );
      expect(await overdue()).toContain('No open follow-up is past its due date.');
    } finally {
      await server.stop();
    }
  }, 60_000);
});
