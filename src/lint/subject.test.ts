import { describe, expect, it } from 'vitest';
import { namesPerson, subjectBefore } from './subject.js';

describe('the subject a blaming verb is aimed at', () => {
  it('is the end of the clause before the verb', () => {
    const text = 'It was late, and the reviewer should have caught it.';
    expect(subjectBefore(text, text.indexOf('should'))).toBe('the reviewer');
  });

  it('names a person for names, roles and personal pronouns', () => {
    for (const s of ['Bob', 'the on-call engineer', 'she', 'the reviewer'])
      expect(namesPerson(s), s).toBe(true);
  });

  it('does not for systems, processes and the team speaking', () => {
    for (const s of ['the deploy', 'an issue which', 'Downstream actions', 'we', 'The request'])
      expect(namesPerson(s), s).toBe(false);
  });
});
