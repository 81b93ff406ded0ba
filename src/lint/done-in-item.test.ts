import { describe, expect, it } from 'vitest';
import { closesDone, nowInPlace } from './done-in-item.js';

describe('work an item itself reports done', () => {
  it('reads a closing clause of finished work, and not one still ahead', () => {
    // sourcegraph/handbook (CC BY-SA): the first "Immediate Reaction" item.
    expect(closesDone('Purge all Sourcegraph Cloud logs; Completed as of 2021-10-29.')).toBe(true);
    expect(closesDone('Rotate the deploy key — done')).toBe(true);
    expect(closesDone('Purge all logs; then tell the customers.')).toBe(false);
    expect(closesDone('Mark the job as completed when it ends')).toBe(false);
    expect(closesDone('Purge all logs; completion expected next week')).toBe(false);
  });

  it('reads a state the change left, subject first with "now", and not a duty', () => {
    // elifesciences/elife-xpub (MIT), 2019-02-23 corrective actions.
    expect(nowInPlace('Peter and Cory now have permissions to update the user filter')).toBe(true);
    expect(nowInPlace('The alert now fires at 80 % disk use')).toBe(true);
    expect(nowInPlace('The team now needs to review every alert')).toBe(false);
    expect(nowInPlace('We now have to rotate the key by hand')).toBe(false);
    expect(nowInPlace('Add an alert now that the disk fills')).toBe(false);
    expect(nowInPlace('Consider introducing type checking')).toBe(false);
  });
});
