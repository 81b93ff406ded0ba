import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';
import { promisedByWriters, writingTeam } from './writers.js';

const team = (markdown: string) => writingTeam(parsePostmortem(markdown, 'pm.md'));

describe('the writers of a post', () => {
  it('reads a team named as the author, in front matter or in apposition to "we"', () => {
    expect(team('---\nauthor: The Registry Team\n---\n# Outage\n\nText.\n')).toBe('The Registry Team');
    expect(team('# Outage\n\nText.\n\nWe, the `hub` core dev team, thank you for your patience.\n')).toBe(
      'the hub core dev team',
    );
  });

  it('reads writers who speak of their own team as a team (ethereum-optimism/optimism, MIT)', () => {
    const optimism =
      '# Self-Destruct Inflation Vulnerability Postmortem\n\nThe recovery process was executed by a small subset of the team in a private slack channel.\n';
    expect(team(optimism)).toBe("the writers' team");
    expect(team('# Outage\n\nNot all members of the team check email at the start of their day.\n')).toBe(
      "the writers' team",
    );
    expect(team('# Outage\n\nA team member received a warning from letsencrypt.\n')).toBe(
      "the writers' team",
    );
  });

  it('does not take a team described or named by others for the writers', () => {
    expect(team('# Outage\n\nOur crack team of engineers noticed a surge in errors.\n')).toBeNull();
    expect(team('# Outage\n\nWe asked the Geth team members for a review.\n')).toBeNull();
  });

  it('does not take a person, or a team only mentioned, for the writers', () => {
    expect(team('---\nauthor: Jane Doe\n---\n# Outage\n\nText.\n')).toBeNull();
    expect(team('# Outage\n\nWe asked the platform team for help.\n')).toBeNull();
  });

  it('reads "we will", "we are …ing" and "we have begun" as the writers taking work on, and not "we need"', () => {
    for (const text of [
      'We will add rate limits to uploads',
      "We'll add rate limits to uploads",
      'We are also redesigning our review process',
      'As detailed below, we have begun rotating old tokens',
    ])
      expect(promisedByWriters(text), text).toBe(true);
    for (const text of ['We need better alerting', 'Add rate limits to uploads', 'We should add rate limits'])
      expect(promisedByWriters(text), text).toBe(false);
  });

  it('reads a thing the writers call their own as the subject of what it will do as their promise (ethereum-optimism/optimism, MIT)', () => {
    expect(
      promisedByWriters(
        'Our forthcoming network upgrade (Optimism: Bedrock) will use a fresh fork of Geth, with a minimal set of changes.',
      ),
    ).toBe(true);
    expect(promisedByWriters('Our status page will move to another provider')).toBe(true);
    // Other people the writers speak of, and what their thing did, are no promise.
    expect(promisedByWriters('Our users will need to upgrade their nodes')).toBe(false);
    expect(promisedByWriters('Our status page went down with the rest')).toBe(false);
  });
});
