import { basename } from 'node:path';
import { InputError } from '../errors.js';
import {
  actionItems,
  firstDate,
  parsePostmortem,
  READING_LIMITS,
  type ReadingCut,
  readBounded,
  readHumanTimeline,
} from '../lint/index.js';
import { redactAll } from '../redact/index.js';
import { classifyText } from '../timeline/classify.js';
import { causeKindOf } from './cause-kind.js';
import { content, frontMatterField, idOf, leadParagraph, sectionText, titleOf } from './document-fields.js';
import { htmlToMarkdown, looksLikeHtml } from './html-to-markdown.js';
import { impactIn, servicesIn, severityIn, statedResponseTimes } from './incident-facts.js';
import { quotedLogTemplates } from './log-lines.js';
import { IncidentRecord } from './record.js';
import { responseTimes } from './response-times.js';

export interface ImportOptions {
  /** Zone for timeline times that state none. */
  zone?: string;
  /** Longest summary and root cause kept, in characters. */
  maxText?: number;
  /** Told each place the text was cut for reading (a line too long, nesting too deep, a document too long). */
  onCut?: (cut: ReadingCut) => void;
}

/** HTML longer than a document can be is cut before it is converted; the conversion is linear. */
function markdownOf(source: string): { markdown: string; cuts: ReadingCut[] } {
  if (!looksLikeHtml(source)) return { markdown: source, cuts: [] };
  const limit = READING_LIMITS.documentChars;
  if (source.length <= limit) return { markdown: htmlToMarkdown(source), cuts: [] };
  const line = source.slice(0, limit).split('\n').length;
  const message = `the page is longer than ${limit.toLocaleString('en-US')} characters (the limit for one postmortem); it is read up to line ${line} and the rest is not read`;
  return { markdown: htmlToMarkdown(source.slice(0, limit)), cuts: [{ line, reason: 'document', message }] };
}

/**
 * Reads a human-written postmortem (Markdown, or HTML exported from a wiki) into a library
 * record. Garbled symbols are repaired; what the document does not state stays null.
 * @example (await importText('# DB outage\n\n## Summary\n\nPool exhausted.', 'pm.md')).title // 'DB outage'
 */
export async function importText(
  source: string,
  file: string,
  { zone = 'UTC', maxText = 2000, onCut }: ImportOptions = {},
): Promise<IncidentRecord> {
  const { markdown, cuts } = markdownOf(source);
  const doc = parsePostmortem(markdown, file);
  // A converted page's cuts name lines of the Markdown read from it, not of the HTML.
  const ofPage = (cut: ReadingCut) => ({
    ...cut,
    message: `${cut.message} (in the Markdown read from the page)`,
  });
  for (const cut of [...cuts, ...(markdown === source ? doc.cuts : doc.cuts.map(ofPage))]) onCut?.(cut);
  const lead = leadParagraph(doc);
  const summary =
    sectionText(doc, 'summary', maxText) ?? frontMatterField(doc, 'summary') ?? lead.slice(0, maxText);
  const title = titleOf(doc, summary);
  const date =
    frontMatterField(doc, 'date')?.slice(0, 10) ??
    firstDate(title) ??
    firstDate(basename(file)) ??
    firstDate(content(doc));
  const timeline = await readHumanTimeline(doc, { zone, date });
  const rootCause = sectionText(doc, 'rootCause', maxText);
  const impactText = [sectionText(doc, 'impact', maxText), summary, lead].filter(Boolean).join('\n');
  const stated = statedResponseTimes(content(doc));
  const derived = responseTimes(timeline.entries);
  const keywords = Array.isArray(doc.frontMatter.keywords)
    ? doc.frontMatter.keywords.map(String).join(' ')
    : '';
  // Redacted before it is stored: search, related and the review page show only what is kept.
  const record = {
    id: idOf(doc, title),
    origin: 'imported',
    file,
    title,
    date,
    severity: frontMatterField(doc, 'severity') ?? severityIn(doc.text),
    services: [
      ...new Set([
        ...(frontMatterField(doc, 'product') ? [frontMatterField(doc, 'product')!.toLowerCase()] : []),
        ...servicesIn(doc.text),
      ]),
    ],
    summary,
    impact: impactIn(impactText),
    timeline: timeline.entries.map((e) => ({
      ts: new Date(e.ts).toISOString(),
      kind: e.kind ?? classifyText(e.summary).kind,
      summary: e.summary,
      line: e.source.line,
    })),
    rootCause,
    causeKind: causeKindOf(rootCause ?? `${summary} ${keywords}`),
    logTemplates: quotedLogTemplates(doc),
    actionItems: actionItems(doc),
    durations: {
      detect: stated.detect ?? derived.detect,
      acknowledge: derived.acknowledge,
      mitigate: stated.mitigate ?? derived.mitigate,
    },
    body: doc.text,
  };
  return IncidentRecord.parse(redactAll(record));
}

/** Imports one file; an unreadable or empty file is an InputError naming it. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<IncidentRecord> {
  let text: string;
  try {
    text = await readBounded(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      'IMPORT_UNREADABLE',
      path,
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder; pass the postmortem files'
          : `cannot read it (${code})`,
    );
  }
  if (!text.trim()) throw new InputError('IMPORT_EMPTY', path, 'the file is empty; nothing to import');
  if (text.includes('\u0000'))
    throw new InputError('IMPORT_BINARY', path, 'not a text file; import Markdown or HTML');
  return importText(text, path, options);
}
