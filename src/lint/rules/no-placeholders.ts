import { placeholdersIn } from '../placeholder.js';
import { proseLines } from '../prose.js';
import type { LintRule } from '../rule.js';

export const noPlaceholders: LintRule = {
  id: 'no-placeholders',
  description: 'No template text left in: [Date], [Name], YYYY-MM-DD, TBD, Lorem ipsum.',
  cost: { each: 3, max: 15 },
  check({ doc }) {
    // One finding per placeholder per section: nine 'HH:mm' in a timeline are one thing to fill in.
    const headings = doc.sections.map((s) => s.line).sort((a, b) => a - b);
    const sectionOf = (line: number) => headings.filter((h) => h <= line).at(-1) ?? 0;
    const groups = new Map<string, { text: string; lines: number[] }>();
    for (const { line, text } of proseLines(doc))
      for (const hit of placeholdersIn(text)) {
        const shown = hit.text.replace(/\\/g, '');
        const key = `${sectionOf(line)}\u0000${shown.toLowerCase()}`;
        const group = groups.get(key);
        if (group) group.lines.push(line);
        else groups.set(key, { text: shown, lines: [line] });
      }
    return [...groups.values()].map(({ text, lines }) => ({
      rule: 'no-placeholders',
      line: lines[0],
      message:
        lines.length === 1
          ? `'${text}' is a template placeholder; replace it with the real value`
          : `'${text}' is a template placeholder, ${lines.length} times in this section (lines ${lines.join(', ')}); replace each with the real value`,
    }));
  },
  examples: {
    ok: [
      '## Summary\n\nOn 2024-05-12 the [checkout](https://x.test) page failed. [ALERT] fired. - [x] done\n',
      '### Short-term ([Follow along here](https://github.com/o/r/issues/1))\n',
      // The author's own "not known yet" says something; a template's TBD is the whole value.
      "## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2022-02-?? | TBA: the problem remains until consumers are reworked. |\n\n## Action items\n\n- Add an alert on consumer groups. (What 'high' is TBD).\n",
    ],
    notOk: [
      { markdown: '## Summary\n\nOn [Date], owner [Name].\n\nDue: YYYY-MM-DD, TBD\n', lines: [3, 3, 5, 5] },
      {
        markdown:
          '## Timeline\n\n- HH:mm - Short event description.\n- HH:mm - Short event description.\n\n## Stats\n\n- HH:mm\n',
        lines: [3, 8],
      },
      // A template's slot left in capitals in the title or a heading.
      { markdown: '# ISSUE NAME\n\n## Timeline (all times PST) DATE RANGE\n\n- 10:00 x\n', lines: [1, 3] },
    ],
  },
};
