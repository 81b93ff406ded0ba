import type { LintRule } from '../rule.js';
import { normaliseTitle } from '../sections.js';
import { statedByContent } from '../stated-by-content.js';

export const requiredSections: LintRule = {
  id: 'required-sections',
  description:
    'The sections every postmortem needs are present (the default set, or a team template’s headings).',
  cost: { each: 10, max: 40 },
  check({ doc, required }) {
    const titles = doc.sections.map((s) => ({ kind: s.kind, title: normaliseTitle(s.title) }));
    const byContent = statedByContent(doc);
    return required
      .filter(
        (r) =>
          !titles.some((t) => (r.kind && t.kind === r.kind) || t.title.includes(normaliseTitle(r.title))) &&
          !(r.kind && byContent.has(r.kind)),
      )
      .map((r) => ({ rule: 'required-sections', line: null, message: `no '${r.title}' section; add one` }));
  },
  examples: {
    ok: [
      '# Outage\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\nx\n\n## Root cause\n\nx\n\n## Action items\n\nx\n',
      '**Issue Summary:**\n\nx\n\n**Customer impact:**\n\nx\n\n**Timeline:**\n\nx\n\n**Contributing factors:**\n\nx\n\n**Follow-ups:**\n\nx\n',
    ],
    notOk: [{ markdown: '# Outage\n\n## Summary\n\nx\n\n## Timeline\n\nx\n', lines: [null, null, null] }],
  },
};
