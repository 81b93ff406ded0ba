import { describe, expect, it } from 'vitest';
import { contentKey, subjectOfReport } from '../library/index.js';
import { sampleReport } from '../library/store-contract.js';
import { HttpError } from './http-error.js';
import { formChanges, shownMark } from './review-form-input.js';

const report = sampleReport();
report.claims = [
  { id: 'CLM-001', statement: 'Pool hit its limit at 10:04', evidenceRefs: ['L-1'], confidence: 0.9 },
];
const subject = subjectOfReport(report);
const claim = subject.claims[0].key;
const followUp = subject.followUps[0].key;

function refusal(fields: Record<string, string>, edits = {}): string {
  try {
    formChanges(subject, edits, fields);
    return 'kept';
  } catch (error) {
    if (error instanceof HttpError) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('formChanges', () => {
  it('writes only the items whose fields differ from what the page showed', () => {
    const fields = {
      [`${claim}/decision`]: 'accepted',
      [`${claim}/reason`]: 'seen',
      [`${claim}/shown`]: shownMark(['undecided', '']),
      [`${followUp}/owner`]: '',
      [`${followUp}/due`]: '',
      [`${followUp}/status`]: 'open',
      [`${followUp}/shown`]: shownMark(['', '', 'open']),
      'narrative:lessons/text': '',
    };
    expect(formChanges(subject, {}, fields)).toEqual({
      put: [
        [claim, { decision: 'accepted', reason: 'seen', id: 'CLM-001', text: 'Pool hit its limit at 10:04' }],
      ],
      drop: [],
    });
  });

  it('adds a follow-up and a timeline entry under the next numbers, and removes an added one when ticked', () => {
    const edits = { 'added-follow-up:2': { action: 'Old one', owner: '', due: '', status: 'open' } };
    const { put, drop } = formChanges(subject, edits, {
      'added-follow-up:2/action': 'Old one',
      'added-follow-up:2/remove': 'yes',
      'new-follow-up/action': 'Alert on pool saturation',
      'new-follow-up/status': 'open',
      'new-timeline/ts': '2026-03-02T10:07',
      'new-timeline/summary': 'Status page updated',
    });
    expect(drop).toEqual(['added-follow-up:2']);
    expect(put.map(([key]) => key)).toEqual(['added-follow-up:3', 'added-timeline:1']);
    expect(put[1][1]).toMatchObject({ ts: '2026-03-02T10:07:00.000Z', summary: 'Status page updated' });
  });

  it('refuses a new follow-up or timeline entry that is only half written, rather than dropping it', () => {
    expect(refusal({ 'new-follow-up/owner': 'Ops', 'new-follow-up/action': '' })).toBe('400 BAD_REQUEST');
    expect(refusal({ 'new-timeline/summary': 'no time' })).toBe('400 BAD_REQUEST');
    expect(refusal({ 'new-timeline/ts': '2026-13-45T99:00', 'new-timeline/summary': 'x' })).toBe(
      '400 BAD_REQUEST',
    );
  });

  it('refuses a form made for an item the draft no longer has, so nothing lands on another item', () => {
    const gone = contentKey('claim', 'A statement regenerating removed');
    expect(refusal({ [`${gone}/decision`]: 'accepted', [`${gone}/reason`]: '' })).toBe('409 DRAFT_CHANGED');
  });
});
