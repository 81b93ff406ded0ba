import { describe, expect, it } from 'vitest';
import { personTo } from './named-owner.js';

describe('an owner named first, then "to" and the work', () => {
  it('reads people named before "to" and a verb', () => {
    // elifesciences/elife-xpub (MIT), 2019-02-23 corrective actions.
    expect(personTo("Peter to investigate why Jenkins didn't deploy the incident mitigation changes")).toBe(
      'Peter',
    );
    expect(personTo('Alice and Bob to add the disk alert')).toBe('Alice and Bob');
  });

  it('reads no owner in an imperative or a thing moved to', () => {
    expect(personTo('Migrate to Postgres 15')).toBeNull();
    expect(personTo('Move the cron job to the new host')).toBeNull();
    expect(personTo('Consider introducing type checking')).toBeNull();
    expect(personTo('Peter to the rescue')).toBeNull();
  });
});
