import { describe, expect, it } from 'vitest';
import { isPlaceholder, placeholdersIn, slotKind } from './placeholder.js';

describe('placeholders', () => {
  it('finds template brackets and tokens on a line', () => {
    expect(placeholdersIn('**Date**: [YYYY-MM-DD] by [Name], status TBD').map((h) => h.text)).toEqual([
      '[YYYY-MM-DD]',
      '[Name]',
      'TBD',
    ]);
    expect(placeholdersIn('[2-3 sentence summary of what happened, impact, and resolution]')).toHaveLength(1);
  });

  it('leaves links, checkboxes, tags and escaped real dates alone', () => {
    expect(
      placeholdersIn(
        '- [x] done, see [the PR](https://x.test) and [INC-2023-045]; [ALERT] fired; On \\[12.05.2024\\]',
      ),
    ).toEqual([]);
  });

  it('finds the Latin filler by either of its words, as filler text, and not words that contain them', () => {
    const hits = placeholdersIn('- 14:51 Ipsum reprehenderit impedit facere explicabo fugiat.');
    expect(hits.map((h) => [h.text, h.kind])).toEqual([['Ipsum', 'text']]);
    expect(placeholdersIn('Lorem ipsum dolor sit amet').map((h) => h.text)).toEqual(['Lorem ipsum']);
    expect(placeholdersIn('The loremipsum package and Ipsumco were unaffected.')).toEqual([]);
  });

  it('treats owner and due values such as [Name] and TBD as unset', () => {
    expect(isPlaceholder('[Name]')).toBe(true);
    expect(isPlaceholder('TBD')).toBe(true);
    expect(isPlaceholder('sre')).toBe(false);
    expect(isPlaceholder('2024-01-20')).toBe(false);
  });
});

describe('words about a moment closing a timed entry', () => {
  it('reads them as the author marking that moment, and a slot before the time as a slot', () => {
    expect(placeholdersIn('06:15pm - v1.12.13 is released to stable **\\<START OF OUTAGE>**')).toEqual([]);
    expect(placeholdersIn('12:55 - DNS changes take effect. **\\<END OF OUTAGE>**')).toEqual([]);
    expect(placeholdersIn('- <Start time> 12:04 alert fired').map((h) => h.text)).toEqual(['<Start time>']);
    expect(placeholdersIn('- The outage began <start time>').map((h) => h.text)).toEqual(['<start time>']);
  });
});

describe('bracketed words that are no placeholder', () => {
  it('leaves a quoted setting name alone, but not a bracketed instruction', () => {
    expect(placeholdersIn('select [Require approval for first-time contributors]')).toEqual([]);
    expect(placeholdersIn('[Explanation of why existing safeguards failed]')).toHaveLength(1);
  });
});

describe('the author saying something is not known yet', () => {
  it('takes a TBD or TBA standing as a value, not one inside the author’s own sentence', () => {
    expect(placeholdersIn('- Owner: TBD').map((h) => h.text)).toEqual(['TBD']);
    expect(placeholdersIn('| 2022-02-10 | TBD |').map((h) => h.text)).toEqual(['TBD']);
    expect(
      placeholdersIn('| 2022-02-?? | TBA: Problem will remain until the consumers are reworked. |'),
    ).toEqual([]);
    expect(placeholdersIn("- Consider an alert on consumer groups. (What 'high' is TBD).")).toEqual([]);
  });

  it('takes a TBC ("to be confirmed") as it takes a TBD: a heading marked unfinished, not a sentence', () => {
    // elifesciences/elife-xpub (MIT), 2019-02-23: "## Stabilization Steps ( TBC)", "## Impact (TBC)".
    expect(placeholdersIn('## Impact (TBC)').map((h) => h.text)).toEqual(['TBC']);
    expect(placeholdersIn('## Stabilization Steps ( TBC)').map((h) => h.text)).toEqual(['TBC']);
    expect(placeholdersIn('- Owner: TBC').map((h) => h.text)).toEqual(['TBC']);
    expect(placeholdersIn('The new date is TBC by the vendor.')).toEqual([]);
  });
});

describe('template slots written in capitals', () => {
  it('finds a slot of template words left in a title or heading, and not capitals in a sentence', () => {
    expect(placeholdersIn('# ISSUE NAME').map((h) => h.text)).toEqual(['ISSUE NAME']);
    expect(
      placeholdersIn('## Timeline (all times PST ) DATE RANGE. All times approximations').map((h) => h.text),
    ).toEqual(['DATE RANGE']);
    expect(placeholdersIn('WE CHANGED THE SERVICE NAME TODAY')).toEqual([]);
    expect(placeholdersIn('The DATE field and the NAME column')).toEqual([]);
  });
});

describe('the kind of a slot: what goes in it', () => {
  it('reads the kind from the words inside the brackets, the leftmost naming it', () => {
    expect(['[Date]', '[START TIME]', '[Date and time of detection]'].map((t) => slotKind(t))).toEqual([
      'date',
      'date',
      'date',
    ]);
    expect(['[NUMBER]', '[Number of users affected]'].map((t) => slotKind(t))).toEqual(['figure', 'figure']);
    expect(
      ['[Name]', '[Owner]', '[Name of the on-call engineer]', 'ISSUE NAME'].map((t) => slotKind(t)),
    ).toEqual(['name', 'name', 'name', 'name']);
    expect(['[IF APPLICABLE]', '[link]', '[URL]'].map((t) => slotKind(t))).toEqual([
      'choice',
      'link',
      'link',
    ]);
    expect(['[Describe the start of the outage]', '<fill in>'].map((t) => slotKind(t))).toEqual([
      'instruction',
      'instruction',
    ]);
  });

  it('reads the kind from the shape when the words say nothing', () => {
    expect(['YYYY-MM-DD', 'HH:mm', '[DD/MM/YYYY]', '20xx-MM-DD'].map((t) => slotKind(t))).toEqual([
      'date',
      'date',
      'date',
      'date',
    ]);
    expect(['[X]', '[Y]', 'N%', '[NNNN]', '[N hours]'].map((t) => slotKind(t))).toEqual([
      'figure',
      'figure',
      'figure',
      'figure',
      'figure',
    ]);
    expect(['[YES/NO]', '[P0/P1/P2]'].map((t) => slotKind(t))).toEqual(['choice', 'choice']);
  });

  it('gives a bare TBD the kind of the field it fills, and a bare value otherwise', () => {
    expect(placeholdersIn('- Owner: TBD').map((h) => h.kind)).toEqual(['name']);
    expect(placeholdersIn('**Due**: TBD').map((h) => h.kind)).toEqual(['date']);
    expect(placeholdersIn('| 2022-02-10 | TBD |').map((h) => h.kind)).toEqual(['value']);
  });

  it('finds a figure left as N%, and not a real percentage or a word ending in N', () => {
    expect(placeholdersIn('Errors rose to N% of requests').map((h) => [h.text, h.kind])).toEqual([
      ['N%', 'figure'],
    ]);
    expect(placeholdersIn('Errors rose to 40% in the EU region, a PLAN%')).toEqual([]);
  });
});

describe('slots in angle brackets', () => {
  it('finds "<fill in>" and "<Team name>", and leaves tags, links, addresses and types alone', () => {
    expect(
      placeholdersIn('The <Team name> team was paged on <fill in>.').map((h) => [h.text, h.kind]),
    ).toEqual([
      ['<Team name>', 'name'],
      ['<fill in>', 'instruction'],
    ]);
    expect(
      placeholdersIn(
        'Line<br>two <details open> see <https://x.test>, <ops@x.test>; Array<T>; the <redacted> key',
      ),
    ).toEqual([]);
  });
});

describe('notes left to finish and marks of the unknown', () => {
  it('finds a "TODO:" note, not a TODO the author mentions or an author’s "[???]" for an unknown time', () => {
    expect(placeholdersIn('TODO: k-dev email').map((h) => h.text)).toEqual(['TODO']);
    expect(placeholdersIn('We left a TODO in the handler for the retry.')).toEqual([]);
    // A TODO set off by a dash before an instruction is a note left to finish (guardian/frontend, Apache-2.0).
    expect(
      placeholdersIn('embedded on the screen (at least Android 2.x / HTC -- TODO confirm). On').map(
        (h) => h.text,
      ),
    ).toEqual(['TODO']);
    expect(placeholdersIn('We keep a shared TODO list for the hub.')).toEqual([]);
    expect(placeholdersIn('Our board - TODO items are triaged weekly.')).toEqual([]);
    expect(placeholdersIn('* [???] IOPS reached a critical point')).toEqual([]);
  });
});

describe('a time never filled in', () => {
  it('finds a letter where a dated entry’s time goes, and not the author’s partly known time', () => {
    expect(placeholdersIn('- 2022-02-02 X: saurik messaged on Discord').map((h) => [h.text, h.kind])).toEqual(
      [['X', 'date']],
    );
    expect(placeholdersIn('- 2022-02-02 2X:XX (not sure exact time) pods restarted')).toEqual([]);
  });

  it('finds text never written ("is ?????") and a quoted letter for a figure, not an unknown time or a doubled question', () => {
    expect(placeholdersIn('The hub hit its user limit and is  ?????').map((h) => [h.text, h.kind])).toEqual([
      ['?????', 'text'],
    ]);
    expect(placeholdersIn("Users should wait about 'x' minutes").map((h) => [h.text, h.kind])).toEqual([
      ["'x'", 'figure'],
    ]);
    expect(placeholdersIn('- 14:?? pods restarted, 2022-05-?? noticed')).toEqual([]);
    expect(placeholdersIn('Was it a stuck pod??? We never found out, nor how "x" got set.')).toEqual([]);
  });

  it("takes '[N/A]' in a list item's checkbox slot as a status mark, and elsewhere as a slot", () => {
    expect(placeholdersIn('- [N/A] **Replace `"dontAsk"`** — not needed')).toEqual([]);
    expect(placeholdersIn('- Owner: [N/A]').map((h) => h.text)).toEqual(['[N/A]']);
  });
});
