import { describe, expect, it } from 'vitest';
import { namesPerson, subjectBefore } from './subject.js';

describe('the subject a blaming verb is aimed at', () => {
  it('is the end of the clause before the verb', () => {
    const text = 'It was late, and the reviewer should have caught it.';
    expect(subjectBefore(text, text.indexOf('should'))).toBe('the reviewer');
  });

  it('names a person for names, roles and personal pronouns', () => {
    // A handle is one account's (usdigitalresponse/univaf, MIT: "@Mr0grog should have posted …").
    for (const s of ['Bob', 'the on-call engineer', 'she', 'the reviewer', '- @Mr0grog', '`@esk`'])
      expect(namesPerson(s), s).toBe(true);
  });

  it('does not for systems, processes and the team speaking', () => {
    // A team's handle and an e-mail address are no one person.
    for (const s of [
      'the deploy',
      'an issue which',
      'Downstream actions',
      'we',
      'The request',
      '@org/infra-team',
      'ops@example.com',
    ])
      expect(namesPerson(s), s).toBe(false);
  });
});
