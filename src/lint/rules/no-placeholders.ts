import { listedActionItems } from '../action-items.js';
import { instructionLeftovers } from '../instruction.js';
import type { PostmortemDocument } from '../parse.js';
import { type PlaceholderHit, placeholdersIn, type SlotKind } from '../placeholder.js';
import { proseLines } from '../prose.js';
import type { LintRule } from '../rule.js';
import { sampleListLines } from '../sample-list.js';

const KIND_NAME: Record<SlotKind, string> = {
  date: 'a date or time',
  figure: 'a figure',
  name: 'a name',
  choice: 'a choice',
  instruction: 'an instruction',
  link: 'a link',
  value: 'a value',
  text: 'filler text',
};

/**
 * The line of the top-level section each line belongs to (0 before the first): subsections fold
 * into it, and a lone title heading above the sections is not one.
 */
function topSectionOf(doc: PostmortemDocument): (line: number) => number {
  const heads = doc.sections.filter((s) => s.depth <= 6).sort((a, b) => a.line - b.line);
  const below =
    heads[0] && heads.filter((h) => h.depth === heads[0].depth).length === 1 ? heads.slice(1) : heads;
  const top = Math.min(...below.map((h) => h.depth));
  const starts = below.filter((h) => h.depth === top).map((h) => h.line);
  return (line) => starts.filter((s) => s <= line).at(-1) ?? 0;
}

/** An instruction as the message quotes it: its first words. */
const clipped = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

interface Slot {
  kind: SlotKind;
  texts: string[];
  lines: number[];
}

/** "'HH:mm'", "'[Date]', 'YYYY-MM-DD' and 1 more": what the author left, as written. */
function shown(texts: string[]): string {
  const distinct = [...new Set(texts)];
  const quoted = distinct.slice(0, 3).map((t) => `'${t}'`);
  return distinct.length > 3 ? `${quoted.join(', ')} and ${distinct.length - 3} more` : quoted.join(', ');
}

/**
 * A marker the author explains ("Tracking left as TBD — to be filed …", "TBD until the vendor
 * replies"): where it recurs it is their deliberate choice, not a template's slot left in.
 */
const EXPLAINED =
  /\b(?:left|marked|kept|set|written)\s{1,3}(?:as\s{1,3})?(TBD|TBA|TBC|TODO)\b|\b(TBD|TBA|TBC)\s{0,2}[—–:-]?\s{0,2}(?:to\s{1,3}be\s{1,3}[a-z]{3,20}ed|until|pending|awaiting)\b/;
export function explainedMarkers(lines: string[]): Set<string> {
  const markers = new Set<string>();
  for (const text of lines) {
    const m = text.match(EXPLAINED);
    if (m) markers.add(m[1] ?? m[2]);
  }
  return markers;
}

/** "TODO(bob): rotate the keys": the code-style mark of work handed to someone, its owner in brackets. */
const ASSIGNED_TODO = /^(?:TODO|FIXME)\s{0,2}\([^()\n]{1,40}\)\s{0,2}:?\s{1,3}\S/;
/** Nothing but list and checkbox markup before a word: it opens the item. */
const OPENS_ITEM = /^\s{0,8}(?:(?:[-*+]|\d{1,3}[.)])\s{1,4})?(?:\[[ xX]\]\s{1,4})?[*_]{0,2}$/;

/** Lines of planned work marked "TODO(owner): …": the mark hands the item over; no slot is left. */
function assignedTodoLines(doc: PostmortemDocument): Set<number> {
  if (!doc.lines.some((l) => /\b(?:TODO|FIXME)\s{0,2}\(/.test(l))) return new Set();
  return new Set(
    listedActionItems(doc)
      .filter((item) => item.status !== 'done' && ASSIGNED_TODO.test(item.action))
      .map((item) => item.line),
  );
}

export const noPlaceholders: LintRule = {
  id: 'no-placeholders',
  description:
    'No template text left in: [Date], [Name], <fill in>, YYYY-MM-DD, TBD, Lorem ipsum, a template’s instructions.',
  cost: { each: 3, max: 15 },
  check({ doc }) {
    // One finding per kind of slot per top-level section: nine 'HH:mm' in a timeline are one thing to fill in.
    const sectionOf = topSectionOf(doc);
    const groups = new Map<string, Slot>();
    // A template's instruction sentence left in ("Describe the impact here.") is a slot for an instruction.
    const leftovers = new Map<number, PlaceholderHit[]>();
    for (const { line, text } of instructionLeftovers(doc))
      leftovers.set(line, [{ text: clipped(text), column: 0, kind: 'instruction' }]);
    // A sample list left in ("Item A", "Item B", "Item C") is filler where the author's items go.
    for (const { line, text } of sampleListLines(doc))
      leftovers.set(line, [...(leftovers.get(line) ?? []), { text, column: 0, kind: 'text' }]);
    const explained = explainedMarkers(doc.lines);
    const assigned = assignedTodoLines(doc);
    for (const { line, text } of proseLines(doc)) {
      const hits: PlaceholderHit[] = [
        ...(leftovers.get(line) ?? []),
        ...placeholdersIn(text).filter(
          (h) => !explained.has(h.text) && !(assigned.has(line) && OPENS_ITEM.test(text.slice(0, h.column))),
        ),
      ];
      if (!hits.length) continue;
      // The slots of one line (a field, a table row) are one problem: it joins a group one of its kinds has.
      const section = sectionOf(line);
      const kind = hits.find((h) => groups.has(`${section}\u0000${h.kind}`))?.kind ?? hits[0].kind;
      const key = `${section}\u0000${kind}`;
      const texts = hits.map((h) => h.text.replace(/\\/g, ''));
      const group = groups.get(key);
      if (group) {
        group.lines.push(line);
        group.texts.push(...texts);
      } else groups.set(key, { kind, texts, lines: [line] });
    }
    return [...groups.values()].map(({ kind, texts, lines }) => ({
      rule: 'no-placeholders',
      line: lines[0],
      message:
        kind === 'instruction'
          ? `${shown(texts)} ${new Set(texts).size > 1 ? 'are the template’s instructions' : 'is the template’s instruction'}, left in${lines.length > 1 ? ` (lines ${lines.join(', ')})` : ''}; write what ${new Set(texts).size > 1 ? 'they ask' : 'it asks'} for instead`
          : lines.length === 1
            ? `${shown(texts)} ${texts.length > 1 ? 'are template placeholders' : 'is a template placeholder'} for ${KIND_NAME[kind]}; replace it with the real value`
            : `${shown(texts)} ${new Set(texts).size > 1 ? 'are template placeholders' : 'is a template placeholder'} for ${KIND_NAME[kind]}, ${lines.length} times in this section (lines ${lines.join(', ')}); replace each with the real value`,
    }));
  },
  examples: {
    ok: [
      // A marker the author explains is their choice (chipi/podcast_scraper, MIT).
      '## Improvement plan\n\n> Tracking left as TBD — to be filed as local tasks.\n\n| Item | Tracking | Owner |\n| --- | --- | --- |\n| Prune images after each deploy | TBD | operator |\n| Add a disk alert | TBD | operator |\n',
      '## Summary\n\nOn 2024-05-12 the [checkout](https://x.test) page failed. [ALERT] fired. - [x] done\n',
      '### Short-term ([Follow along here](https://github.com/o/r/issues/1))\n',
      // A limit compared in planned work ("below 10%") points at nothing in the document.
      '## Action items\n\n- Add alerts when free disk space on a node is below 10%.\n',
      // Bold advice to readers ("please remove these artifacts") is the author's, not the template's.
      '# Breach\n\n**If you use** `pkg` **in sensitive environments, please remove these artifacts from your system.**\n',
      // The author's own "not known yet" says something; a template's TBD is the whole value.
      "## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2022-02-?? | TBA: the problem remains until consumers are reworked. |\n\n## Action items\n\n- Add an alert on consumer groups. (What 'high' is TBD).\n",
      // A placeholder in a code block, or quoted as an example, is no leftover.
      '## Template\n\nWrite the start as `YYYY-MM-DD HH:mm`, never `[Date]`.\n\n```\nOwner: [Name]\nDue: YYYY-MM-DD\n```\n',
      // Items that count off real things ("Phase 1: …") say something; one counted item is no sample list.
      '## Action items\n\n- Phase 1: add an alert\n- Phase 2: add a runbook\n\n## Lessons\n\n- Region B\n',
      // A full stop written as the character it is, the sentence going on (berkeley-dsep-infra/datahub, BSD-3-Clause).
      '## Timeline\n\n- 10:00 There are two PVCs for users with a . in their name who have tried to log in.\n',
      // Real HTML is markup, not a slot.
      '## Summary\n\nThe pool ran dry.<br>Checkout failed.\n\n<details open>\n<summary>Logs</summary>\n\nx\n\n</details>\n',
      // An element the document closes is markup, whatever bare words follow its name
      // (python-discord/infra, MIT: MkDocs reads Markdown inside "<details markdown>").
      '## Recovery\n\nThe node was recycled.\n\n<details markdown>\n\n<summary>\n\nSupport ticket\n\n</summary>\n\nHello.\n\n</details>\n',
      // In planned work a bold item is the author's title for it, not a template's instruction (mastra-ai/mastra, Apache-2.0).
      '## Action Items\n\n### Immediate Actions (0-7 days)\n\n- [ ] **Add business logic alerts for failed builds**\n- [ ] **Add synthetic monitor that triggers a build**\n',
      // Planned work handed over with the code-style mark, its owner in brackets; a status written
      // after the value "n/a" in a tracking cell.
      '## Action items\n\n- [ ] TODO(bob): rotate the leaked API keys by 2026-01-10\n',
      '## Action Items\n\n| Action Item | Priority | Owner | Tracking bug |\n|---|---|---|---|\n| Add load shedding to search | P1 | jennifer | Bug 4411 **TODO** |\n| Schedule a cascading failure test | P2 | docbrown | n/a **TODO** |\n',
    ],
    notOk: [
      // Outside planned work, or with no work after it, an owner's TODO is a note left to finish.
      {
        markdown: '## Impact\n\nTODO(alice): fill in the numbers\n\n## Action items\n\n- TODO(bob)\n',
        lines: [3, 7],
      },
      // Unexplained, the same marker is a slot left in.
      {
        markdown:
          '## Improvement plan\n\n| Item | Tracking | Owner |\n| --- | --- | --- |\n| Prune images after each deploy | TBD | operator |\n| Add a disk alert | TBD | operator |\n',
        lines: [5],
      },
      // The author's own unfinished text: a run of question marks, a quoted letter for a number.
      {
        markdown:
          "## Timeline\n\n- 16:00 The hub hit its user limit and is  ?????\n\n## Recovery\n\nWait about 'x' minutes.\n",
        lines: [3, 7],
      },
      // A sentence that stops on a word no sentence ends with: the blank before its full stop never filled.
      {
        markdown:
          '## Backlog check\n\nThe review of open items has resulted in . No item was re-prioritised.\n',
        lines: [3],
      },
      // The template's prose naming what goes here, left above the author's own list.
      {
        markdown:
          '## Lessons\n\n### What went wrong\n\nThings that went badly. Each should become an action item. For example,\n\n- The node was slow to drain\n',
        lines: [5],
      },
      // A date slot in two lines of one section is one problem; the name is another kind.
      { markdown: '## Summary\n\nOwner [Name].\n\nOn [Date], due YYYY-MM-DD, TBD\n', lines: [3, 5] },
      // Several slots in one row are one problem, and the rows of one kind one finding.
      {
        markdown:
          '## Impact\n\n| Users | Errors |\n| --- | --- |\n| [NUMBER] | [X]% |\n| [Y] | N% |\n\n## Follow-ups\n\n- [YES/NO] paged\n- [IF APPLICABLE] a second page\n',
        lines: [5, 10],
      },
      // Subsections fold into their top-level section.
      {
        markdown:
          '# Outage\n\n## Timeline\n\n### Day one\n\n- HH:mm - Short event description.\n\n### Day two\n\n- HH:mm - Short event description.\n\n## Stats\n\n- HH:mm\n',
        lines: [7, 15],
      },
      // A template's sample list left in, under each subheading: one problem for the section.
      {
        markdown:
          '# Outage\n\n## Timeline\n\n- 10:00 x\n\n## Lessons learned\n\n**What went well**\n\n- Item A\n- Item B\n\n**What went wrong**\n\n- Item A\n- Item B\n',
        lines: [11],
      },
      // A template's slot left in capitals in the title or a heading.
      { markdown: '# ISSUE NAME\n\n## Timeline (all times PST) DATE RANGE\n\n- 10:00 x\n', lines: [1, 3] },
      // A template's instructions left in: one problem per top-level section, however many repeat.
      {
        markdown:
          '# Outage\n\n## Impact\n\n_Describe the impact here._\n\n## Lessons\n\n### What went well\n\nList of things that went well. For example, alerts fired.\n\n### What went wrong\n\nList of things that went wrong. For example, no runbook.\n\n## Action items\n\n- Add a pool alert\n',
        lines: [5, 11],
      },
      // Words in angle brackets are a slot, not HTML, on a line of prose or on a line of their own.
      {
        markdown: '## Summary\n\nThe <Team name> team was paged.\n\n## Impact\n\n<fill in>\n',
        lines: [3, 7],
      },
    ],
  },
};
