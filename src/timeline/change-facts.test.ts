import { describe, expect, it } from 'vitest';
import { changeFacts } from './change-facts.js';

describe('changeFacts', () => {
  it('reads approvals and the change window from the text a change record carries', () => {
    expect(
      changeFacts('DEP-7781: Deploy api-gateway v2.14.0 (approvals 1/2, window=out_of_window)', {}),
    ).toEqual({
      approvals: { given: 1, required: 2 },
      window: 'out_of_window',
      version: 'v2.14.0',
    });
  });

  it("reads them from a deployment's own payload, as a record of their own", () => {
    const payload = {
      change_id: 'DEP-7781',
      approvals: { required: 2, received: 1 },
      change_window: 'out_of_window',
      author: 'ops-alice',
    };
    expect(
      changeFacts('DEP-7781: Deploy api-gateway v2.14.0 to prod', { version: 'v2.14.0', payload }),
    ).toEqual({
      approvals: { given: 1, required: 2 },
      window: 'out_of_window',
      version: 'v2.14.0',
      author: 'ops-alice',
    });
    // The approvers listed count as the approvals given.
    expect(changeFacts('Deploy', { payload: { approvals: ['ops-bob', 'ops-carol'] } }).approvals).toEqual({
      given: 2,
      required: null,
    });
    // A record's own field wins over its payload's.
    expect(changeFacts('Deploy', { version: '2.0.1', payload: { version: '2.0.0' } }).version).toBe('2.0.1');
  });
});
