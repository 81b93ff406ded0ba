import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { sectionKind, sectionsOf } from './sections.js';

describe('what a section is for, from its title', () => {
  it('reads a 5-whys analysis, an RCA and "Why it happened" as the root cause, and not "Where we got lucky"', () => {
    expect(sectionKind('5 Whys')).toBe('rootCause');
    expect(sectionKind('Five Whys Analysis')).toBe('rootCause');
    expect(sectionKind('RCA')).toBe('rootCause');
    expect(sectionKind('Why it happened')).toBe('rootCause');
    expect(sectionKind('Why did this happen?')).toBe('rootCause');
    expect(sectionKind('Where we got lucky')).toBeNull();
    expect(sectionKind('Tracking')).toBeNull();
  });

  it('reads the common templates’ names for planned work and for impact', () => {
    expect(sectionKind('Process improvements')).toBe('actionItems');
    // The improvement the team sees to make (hachyderm/community, Apache-2.0).
    expect(sectionKind('Opportunities')).toBe('actionItems');
    expect(sectionKind('Opportunities for improvement')).toBe('actionItems');
    expect(sectionKind('What are we doing about it?')).toBe('actionItems');
    expect(sectionKind("What we're changing")).toBe('actionItems');
    // The writers' own plan, in the future: "What we'll change", "What we will fix" (not "What we did").
    expect(sectionKind("What we'll change")).toBe('actionItems');
    expect(sectionKind('What we will fix')).toBe('actionItems');
    expect(sectionKind('What we did')).toBeNull();
    // What comes after the incident, asked (denoland/dotland, MIT): "Whats next?", "What's next".
    expect(sectionKind('Whats next?')).toBe('actionItems');
    expect(sectionKind("What's next")).toBe('actionItems');
    expect(sectionKind('What happened next')).toBeNull();
    // A review's question of what will change: "How are we making incidents like this less likely …?"
    expect(sectionKind('How are we making incidents like this less likely or less impactful?')).toBe(
      'actionItems',
    );
    expect(sectionKind('How will we prevent this from happening again?')).toBe('actionItems');
    expect(sectionKind('How did we respond?')).toBeNull();
    // The work left to do (zzstoatzz/plyr.fm, MIT): "still open", "Open items"; not questions.
    expect(sectionKind('still open')).toBe('actionItems');
    expect(sectionKind('Open items')).toBe('actionItems');
    expect(sectionKind('Remaining work')).toBe('actionItems');
    expect(sectionKind('Open questions')).toBeNull();
    expect(sectionKind('Questions still open')).toBeNull();
    expect(sectionKind('What to do better — concrete, in priority order')).toBe('actionItems');
    // A gloss in brackets explains the title; it names the part only when the title names none.
    expect(sectionKind('Mitigation (would have reduced impact / recovery time)')).toBe('resolution');
    expect(sectionKind('Phase 1: Facts (timeline)')).toBe('timeline');
    expect(sectionKind('Prevention')).toBe('actionItems');
    expect(sectionKind('Customer-facing consequences')).toBe('impact');
    expect(sectionKind('Who was affected')).toBe('impact');
    // The plural names the same part (jenkins-infra/documentation, MIT).
    expect(sectionKind('Impacts')).toBe('impact');
    expect(sectionKind('Impactful changes log')).toBeNull();
    expect(sectionKind('Remediations')).toBe('actionItems');
    expect(sectionKind('Mitigations')).toBe('resolution');
    expect(sectionKind('Timelines')).toBe('timeline');
  });

  it('reads a plan to come by its usual names, and a cause by "How did this happen"', () => {
    expect(sectionKind('Looking Forward')).toBe('actionItems');
    expect(sectionKind('Future works')).toBe('actionItems');
    expect(sectionKind('Future plan')).toBe('actionItems');
    expect(sectionKind('How did this happen')).toBe('rootCause');
    expect(sectionKind('What can we learn from this incident and improve?')).toBe('lessons');
  });

  it('reads a heading under Lessons as one lesson’s title, unless it names the action items', () => {
    const kinds = (markdown: string) => sectionsOf(fromMarkdown(markdown)).map((s) => s.kind);
    expect(
      kinds(
        '## What can we learn?\n\n### An ounce of prevention is worth a pound of cure\n\nx\n\n### Abuse reporting & responses\n\nx\n\n**Actions planned**\n\n- Add a check\n\n## Prevention\n\n- Add a check\n',
      ),
    ).toEqual(['lessons', 'lessons', 'lessons', 'actionItems', 'actionItems']);
  });

  it('reads "What went wrong" under Lessons as a lesson, and on its own, or "Root cause" under Lessons, as the cause', () => {
    const kinds = (markdown: string) => sectionsOf(fromMarkdown(markdown)).map((s) => s.kind);
    expect(kinds('## Lessons learnt\n\n### What went well\n\nx\n\n### What went wrong\n\nx\n')).toEqual([
      'lessons',
      'lessons',
      'lessons',
    ]);
    expect(kinds('## What went wrong\n\nx\n\n## Lessons\n\n### Root cause\n\nx\n')).toEqual([
      'rootCause',
      'lessons',
      'rootCause',
    ]);
  });

  it('keeps the titles it read before', () => {
    expect(sectionKind('Root Cause and Resolution')).toBe('rootCause');
    expect(sectionKind('What went well')).toBe('lessons');
    expect(sectionKind('Timeline (all times UTC)')).toBe('timeline');
  });

  // usdigitalresponse/univaf (MIT): GitHub Actions in the title, a Responders list after the plan.
  it('reads a title heading over a section of its own kind as the incident’s name, not that part', () => {
    const kinds = (md: string) => sectionsOf(fromMarkdown(md)).map((s) => [s.title, s.kind]);
    expect(
      kinds(
        '# Broken Deploys with No Actions Budget\n\n## Summary\n\nx\n\n## Timeline\n\n- 10:00 y\n\n## Action Items\n\n- Add y\n\n## Responders\n\n- @a\n',
      ),
    ).toEqual([
      ['Broken Deploys with No Actions Budget', null],
      ['Summary', 'summary'],
      ['Timeline', 'timeline'],
      ['Action Items', 'actionItems'],
      ['Responders', null],
    ]);
    // A title over sections of other kinds only, or beside another top heading, keeps its kind.
    expect(kinds('# Incident summary\n\nx\n\n## Timeline\n\n- 10:00 y\n')[0]).toEqual([
      'Incident summary',
      'summary',
    ]);
    expect(kinds('# Action items\n\n## Short term\n\n- Add y\n\n# Follow-ups\n\n- z\n')[0]).toEqual([
      'Action items',
      'actionItems',
    ]);
  });

  // drand/website (Apache-2.0 OR MIT by its package manifest).
  it('reads a question of how it was allowed to happen, set in bold italics, as the root cause', () => {
    expect(sectionKind('How did we allow this to happen?')).toBe('rootCause');
    expect(sectionKind('How could this happen?')).toBe('rootCause');
    expect(sectionKind('How did we fix it?')).not.toBe('rootCause');
    const sections = sectionsOf(
      fromMarkdown('Intro.\n\n***How did we allow this to happen?***\n\nHuge refactors.\n'),
    );
    expect(sections.map((s) => [s.title, s.kind])).toEqual([
      ['How did we allow this to happen?', 'rootCause'],
    ]);
  });

  // Financial-Times/origami-image-service and samuelclay/NewsBlur (MIT).
  it('reads a question of what will stop it happening again as the action items', () => {
    expect(sectionKind('What could be done to avoid this in future?')).toBe('actionItems');
    expect(sectionKind("3. What will happen to ensure this doesn't happen again?")).toBe('actionItems');
    expect(sectionKind('How we prevent this from happening again')).toBe('actionItems');
    expect(sectionKind('How did we avoid it?')).toBeNull();
  });
});
