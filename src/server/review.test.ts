import { describe, expect, it } from 'vitest';
import { sampleNarrative } from '../../test/support/report.js';
import { contentKey, narrativeKey, subjectOfReport } from '../library/index.js';
import { sampleReport } from '../library/store-contract.js';
import { toPostmortem } from '../report/index.js';
import { reviewedDocument, staleEdits, upgradeEdits } from './review.js';
import { staleList } from './review-forms.js';

const reportWithNarrative = () => ({ ...sampleReport(), narrative: sampleNarrative() });

const withClaims = (...statements: string[]) => {
  const report = sampleReport();
  report.claims = statements.map((statement, i) => ({
    id: `CLM-00${i + 1}`,
    statement,
    evidenceRefs: ['L-1'],
    confidence: 0.9,
  }));
  return report;
};

describe('review keys', () => {
  it('come from the words, not the id or the spacing, case and final stop', () => {
    const a = subjectOfReport(withClaims('Impact began at 10:04.', 'Pool exhausted'));
    const b = subjectOfReport(withClaims('Pool exhausted', '  impact began  AT 10:04 '));
    expect(b.claims[1].key).toBe(a.claims[0].key);
    expect(b.claims[1].id).toBe('CLM-002');
    expect(a.claims[0].key).not.toBe(a.claims[1].key);
    expect(contentKey('claim', 'x')).not.toBe(contentKey('follow-up', 'x'));
  });

  it('tell apart two items with the same words', () => {
    const { claims } = subjectOfReport(withClaims('Same words', 'Same words'));
    expect(claims[0].key).not.toBe(claims[1].key);
  });
});

describe('stale and legacy edits', () => {
  const subject = subjectOfReport(withClaims('Impact began at 10:04'));

  it('lists an edit whose statement left the draft, with the words it was made on', () => {
    const gone = contentKey('claim', 'Detected at 10:09');
    const stale = staleEdits(subject, {
      [subject.claims[0].key]: { decision: 'accepted', reason: '' },
      [gone]: { decision: 'rejected', reason: 'late', id: 'CLM-002', text: 'Detected at 10:09' },
      'narrative:lessons': { text: 'x' },
    });
    expect(stale).toEqual([
      { key: gone, kind: 'claim', id: 'CLM-002', text: 'Detected at 10:09', edit: 'rejected: late' },
    ]);
  });

  it('moves an id-keyed edit only where it is certain: a suspect by its ref, a claim by its words', () => {
    const edits = {
      'claim:CLM-001': { decision: 'accepted', reason: 'seen' },
      'claim:CLM-007': { decision: 'rejected', reason: 'worded', text: 'impact began at 10:04.' },
      'suspect:DEP-1': { decision: 'accepted', reason: '' },
    };
    const { put, drop } = upgradeEdits(subject, edits);
    expect(put).toEqual([
      [
        subject.claims[0].key,
        { decision: 'rejected', reason: 'worded', id: 'CLM-001', text: 'Impact began at 10:04' },
      ],
      [subject.suspects[0].key, expect.objectContaining({ id: 'DEP-1' })],
    ]);
    expect(drop).toEqual(['claim:CLM-007', 'suspect:DEP-1']);
  });

  it("moves a suspect's id-keyed edit made under its long source id to the suspect now shown as GH-02", () => {
    const report = sampleReport();
    const change = report.timeline.find((e) => e.ref === report.suspects[0].ref)!;
    change.attrs = { ...change.attrs, sourceId: 'gh-deploy-1987004217' };
    const shortened = subjectOfReport(report);
    const { put, drop } = upgradeEdits(shortened, {
      'suspect:gh-deploy-1987004217': { decision: 'accepted' },
    });
    expect(put).toEqual([
      [shortened.suspects[0].key, expect.objectContaining({ id: report.suspects[0].ref })],
    ]);
    expect(drop).toEqual(['suspect:gh-deploy-1987004217']);
  });

  it('leaves a claim kept by id alone stale, saying what that id says now rather than moving it there', () => {
    const edits = { 'claim:CLM-001': { decision: 'accepted', reason: 'seen' } };
    expect(upgradeEdits(subject, edits)).toEqual({ put: [], drop: [] });
    expect(staleEdits(subject, edits)).toEqual([
      {
        key: 'claim:CLM-001',
        kind: 'claim',
        id: 'CLM-001',
        text: '',
        edit: 'accepted: seen',
        nowSays: 'Impact began at 10:04',
      },
    ]);
  });

  it('escapes the words of a stale edit, and lists nothing when none is stale', () => {
    const gone = contentKey('claim', '<script>x</script>');
    const html = staleList(subject, {
      [gone]: { decision: 'rejected', reason: '<b>no</b>', id: 'CLM-9', text: '<script>x</script>' },
    });
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('rejected: &lt;b&gt;no&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<b>/);
    expect(staleList(subject, {})).toBe('');
  });
});

describe('the reviewed document', () => {
  it("puts the author's words in place of the drafted lessons, once, and adds sections the draft has not", () => {
    const doc = toPostmortem(reportWithNarrative(), []);
    const edits = {
      [narrativeKey('went-well')]: { text: 'Rollback in four minutes.' },
      [narrativeKey('lessons')]: { text: 'Canary first.' },
    };
    const sections = reviewedDocument(doc, edits).sections;
    const well = sections.filter((s) => s.id === 'went-well');
    expect(well).toHaveLength(1);
    expect(well[0].blocks).toEqual([{ type: 'paragraph', text: 'Rollback in four minutes.' }]);
    expect(sections.find((s) => s.id === 'went-wrong')?.blocks).toEqual(
      doc.sections.find((s) => s.id === 'went-wrong')?.blocks,
    );
    expect(sections.map((s) => s.id).indexOf('lessons')).toBe(
      sections.map((s) => s.id).indexOf('follow-ups') - 1,
    );
  });
});
