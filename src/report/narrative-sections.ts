// The sections around the timeline, from the report's narrative: detection, response, resolution,
// the drafted lessons and the sign-off. Each statement links the entries it cites.
import type { NarrativeClaim, Report } from '../model/index.js';
import { type Block, ref, type Section } from './document.js';
import { durationWords } from './duration-words.js';
import { formatTime } from './format.js';
import { linkCitations } from './plain-words.js';

const known = (r: Report) => new Set(r.timeline.map((e) => e.ref));

/** A statement as a list item: its citations linked, its uncited refs added, drafts marked. */
function item(c: NarrativeClaim, refs: Set<string>): string {
  const text = linkCitations(c.text, refs);
  const missing = c.refs.filter((x) => refs.has(x) && !text.includes(ref(x)));
  return `${c.draft ? 'Draft: ' : ''}${text}${missing.length ? ` (${missing.map(ref).join(', ')})` : ''}`;
}

/** The statements as a list, or a sentence saying there are none. */
export function claimBlocks(r: Report, claims: NarrativeClaim[], none: string): Block[] {
  const refs = known(r);
  return claims.length
    ? [{ type: 'list', items: claims.map((c) => item(c, refs)) }]
    : [{ type: 'paragraph', text: none }];
}

type MomentKey = keyof Report['moments'];
const momentField = (r: Report, k: MomentKey, label: string): [string, string] => {
  const m = r.moments[k];
  return [label, m ? `${formatTime(m.ts, 'UTC')}${m.ref ? ` (${ref(m.ref)})` : ''}` : 'not in evidence'];
};
const durationField = (r: Report, k: keyof Report['durations'], label: string): [string, string] => [
  label,
  durationWords(k, r.durations[k]),
];

/** A narrative section: its cited statements (or what the evidence lacks), then its moments and durations. */
function narrativeSection(
  r: Report,
  id: 'detection' | 'response' | 'resolution',
  title: string,
  missing: string,
  items: [string, string][],
): Section {
  return { id, title, blocks: [...claimBlocks(r, r.narrative[id], missing), { type: 'fields', items }] };
}

export const detectionSection = (r: Report): Section =>
  narrativeSection(r, 'detection', 'Detection', 'How the incident was detected is not in the evidence.', [
    momentField(r, 'impactStart', 'Impact started'),
    momentField(r, 'detected', 'Detected'),
    durationField(r, 'detect', 'Time to detect (from impact start)'),
    durationField(r, 'detectFromTrigger', 'Time to detect (from the change)'),
  ]);

export const responseSection = (r: Report): Section =>
  narrativeSection(r, 'response', 'Response', 'The evidence records no response.', [
    momentField(r, 'acknowledged', 'Acknowledged'),
    durationField(r, 'acknowledge', 'Time to acknowledge'),
    momentField(r, 'declared', 'Declared'),
    momentField(r, 'mitigationStarted', 'Mitigation started'),
  ]);

export const resolutionSection = (r: Report): Section =>
  narrativeSection(r, 'resolution', 'Resolution', 'What ended the impact is not in the evidence.', [
    momentField(r, 'recovered', 'Recovered'),
    momentField(r, 'closed', 'Closed'),
    durationField(r, 'mitigate', 'Time to recover (from detection)'),
    durationField(r, 'impact', 'Impact duration'),
    durationField(r, 'impactFromTrigger', 'Time to recover (from the change)'),
  ]);

const DRAFTED =
  'Drafted from the analysis for the reviewer: confirm, edit or delete each statement before publishing.';

/** What went well, what went wrong and where we got lucky: the analysis's drafts, marked as such. */
export function lessonSections(r: Report): Section[] {
  const n = r.narrative;
  const lessons: [string, string, NarrativeClaim[], string][] = [
    ['went-well', 'What went well', n.wentWell, 'what went well'],
    ['went-wrong', 'What went wrong', n.wentWrong, 'what went wrong'],
    ['lucky', 'Where we got lucky', n.lucky, 'where it got lucky'],
  ];
  return lessons.map(([id, title, claims, what]) => ({
    id,
    title,
    blocks: [
      ...(claims.length ? [{ type: 'paragraph' as const, text: DRAFTED }] : []),
      ...claimBlocks(r, claims, `Nothing drafted from the evidence; the team adds ${what}.`),
    ],
  }));
}

/** Role, name and date for each person who signs the postmortem off; empty for them to fill. */
export function signOffSection(r: Report): Section {
  return {
    id: 'sign-off',
    title: 'Sign-off',
    blocks: r.signOff.length
      ? [
          {
            type: 'table',
            columns: ['Role', 'Name', 'Date'],
            rows: r.signOff.map((s) => [s.role, s.name ?? '', s.date ?? '']),
          },
        ]
      : [{ type: 'paragraph', text: 'No sign-off roles are set.' }],
  };
}
