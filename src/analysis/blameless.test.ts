import { describe, expect, it } from 'vitest';
import { blameless } from './blameless.js';

const people = ['Priya Raman', 'priya-raman', 'tomasz', 'Will Turner', 'ops-alice', 'Bob Stone'];
const say = (text: string) => blameless(text, people);

describe('blameless rewriting', () => {
  it('replaces a handle with a role and keeps the sentence', () => {
    expect(say("I'm IC, @priya is ops lead.")).toBe("I'm IC, a responder is ops lead.");
  });

  it('capitalises a role that opens a sentence', () => {
    expect(say('tomasz rolled back. Priya Raman confirmed.')).toBe(
      'A responder rolled back. A responder confirmed.',
    );
  });

  it('keeps one article before a role', () => {
    expect(say('paged the Priya on call, then an Alice')).toBe(
      'paged the responder on call, then a responder',
    );
  });

  it('says a group of people as responders', () => {
    expect(say('@tomasz and @priya rolled back')).toBe('Two responders rolled back');
    expect(say('thanks Priya, Bob and tomasz!')).toBe('thanks three responders!');
  });

  it('leaves an everyday word that is also a name alone', () => {
    expect(say('we will mark it resolved, Will')).toBe('we will mark it resolved, a responder');
  });

  it('drops author assignments', () => {
    expect(say('Deploy v2 (author=priya-raman)')).toBe('Deploy v2');
  });
});
