import { describe, expect, it } from 'vitest';
import { peopleNamed, personTo } from './named-owner.js';

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

  // hachyderm/community (Apache-2.0): the author's surname, alone in an item, the tagger does not know.
  it('reads a name the document gives a person in full elsewhere', () => {
    const known = peopleNamed(['---', 'author: Kris Nóva ([@krisnova](https://hachyderm.io/@nova))', '---']);
    expect(personTo('Nóva to send list of domains to discord to destroy')).toBeNull();
    expect(personTo('Nóva to send list of domains to discord to destroy', known)).toBe('Nóva');
    // A thing named in full is no person, nor is a known name's word used as an imperative.
    const things = peopleNamed(['The Station Board was updated.']);
    expect(personTo('Station to update the board', things)).toBeNull();
    expect(personTo('Migrate to Postgres 15', known)).toBeNull();
  });
});
