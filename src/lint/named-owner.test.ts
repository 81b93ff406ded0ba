import { describe, expect, it } from 'vitest';
import { ownerNamedTo, peopleNamed, subjectTo } from './named-owner.js';

describe('an owner named first, then "to" and the work', () => {
  it('reads people named before "to" and a verb', () => {
    // elifesciences/elife-xpub (MIT), 2019-02-23 corrective actions.
    expect(
      ownerNamedTo("Peter to investigate why Jenkins didn't deploy the incident mitigation changes"),
    ).toBe('Peter');
    expect(ownerNamedTo('Alice and Bob to add the disk alert')).toBe('Alice and Bob');
  });

  it('reads no owner in an imperative or a thing moved to', () => {
    expect(ownerNamedTo('Migrate to Postgres 15')).toBeNull();
    expect(ownerNamedTo('Move the cron job to the new host')).toBeNull();
    expect(ownerNamedTo('Consider introducing type checking')).toBeNull();
    expect(ownerNamedTo('Peter to the rescue')).toBeNull();
  });

  // hachyderm/community (Apache-2.0): the author's surname, alone in an item, the tagger does not know.
  it('reads a name the document gives a person in full elsewhere', () => {
    const known = peopleNamed(['---', 'author: Kris Nóva ([@krisnova](https://hachyderm.io/@nova))', '---']);
    expect(ownerNamedTo('Nóva to send list of domains to discord to destroy')).toBeNull();
    expect(ownerNamedTo('Nóva to send list of domains to discord to destroy', known)).toBe('Nóva');
    // A thing named in full is no person, nor is a known name's word used as an imperative.
    const things = peopleNamed(['The Station Board was updated.']);
    expect(ownerNamedTo('Station to update the board', things)).toBeNull();
    expect(ownerNamedTo('Migrate to Postgres 15', known)).toBeNull();
  });

  it('reads a team, or its initials, before "to" and a verb as the owner, and the writers as no owner', () => {
    expect(ownerNamedTo('SRE team to add alerting on disk usage')).toBe('SRE team');
    expect(ownerNamedTo('The platform team to add a canary stage')).toBe('platform team');
    expect(ownerNamedTo('QA to verify the fix on staging')).toBe('QA');
    expect(ownerNamedTo('Backend team and SRE to add retries')).toBe('Backend team and SRE');
    expect(ownerNamedTo('Data team to backfill the table')).toBe('Data team');
    // opencollective/opencollective (MIT): a modal left out; the work is what follows "to".
    expect(ownerNamedTo('We to add an index on Orders payment intent ID')).toBeNull();
    expect(subjectTo('We to add an index on Orders payment intent ID')).toMatchObject({
      kind: 'writers',
      rest: 'add an index on Orders payment intent ID',
    });
    expect(subjectTo('SRE team to add alerting')?.rest).toBe('add alerting');
  });

  it('reads no team in an imperative, a need, or a thing that is to do something', () => {
    expect(subjectTo('Need to devise a plan')).toBeNull();
    expect(subjectTo('Switch to using the new API')).toBeNull();
    expect(subjectTo('Upgrade to the latest version')).toBeNull();
    expect(subjectTo('Alerts to fire on disk usage')).toBeNull();
    expect(subjectTo('Document how to check the queue')).toBeNull();
    expect(subjectTo('SRE team to the rescue')).toBeNull();
  });

  it('reads a first name the tagger takes for a verb at the start ("Bob", "Mark") as the person it is when asked of them', () => {
    expect(ownerNamedTo('Bob to be more careful in future')).toBe('Bob');
    expect(ownerNamedTo('Mark to update the runbook')).toBe('Mark');
    expect(subjectTo('Bob to be more careful in future')?.rest).toBe('be more careful in future');
    expect(ownerNamedTo('Need to devise a plan')).toBeNull();
    expect(ownerNamedTo('Migrate to Postgres 15')).toBeNull();
  });
});
