import type { Statement } from '../../model/index.js';
import { inDigitsMapped } from '../../text/number-words.js';
import { frontMatterTitle } from '../timeline-setting.js';
import { causalSentences } from './causal-sentences.js';
import {
  blocksOf,
  type DocumentLine,
  type DocumentPart,
  documentParts,
  type PartKind,
} from './document-sections.js';
import { isNamedFigure, labelledDuration, type StatedDuration, statedDurations } from './stated-durations.js';
import { statedSpans } from './stated-spans.js';

/** Parts whose prose speaks of the incident as a whole, so "lasted 26 minutes" there is its length. */
const OVERALL: PartKind[] = ['title', 'head', 'summary', 'impact'];
/** Parts whose sentences the authors wrote to say why it happened. */
const CAUSAL: PartKind[] = ['title', 'head', 'summary', 'cause'];

export type DurationStatement = Extract<Statement, { kind: 'duration' }>;

/** A figure found, the line it starts on, and the text to quote it from when that is not its line's alone. */
type Found = { line: number; figure: StatedDuration; context?: string };

/** The document's title: its top heading, else its front matter's `title`. */
function titleOf(lines: DocumentLine[]): DocumentLine | null {
  const heading = documentParts(lines).find((p) => p.kind === 'title')?.lines[0];
  return heading?.text ? heading : frontMatterTitle(lines);
}

/** Figures a part states: named ones and spans between two points anywhere, lengths in prose where it describes the whole. */
function figures(part: DocumentPart): Found[] {
  const out = lineFigures(part);
  if (part.kind === 'timeline') return out;
  // A sentence wrapped over lines ("went undetected for seven hours and ten" / "minutes.") is read whole.
  for (const block of blocksOf(part.lines)) {
    if (block.length < 2) continue;
    let text = '';
    const starts: { at: number; number: number }[] = [];
    for (const l of block) {
      if (text) text += ' ';
      starts.push({ at: text.length, number: l.number });
      text += l.text.trim();
    }
    const lineAt = (at: number) => starts.filter((s) => s.at <= at).at(-1)!.number;
    for (const { figure } of lineFigures({ kind: part.kind, lines: [{ text, number: 0 }] })) {
      const line = lineAt(figure.index);
      if (!out.some((f) => f.line === line && f.figure.seconds === figure.seconds))
        out.push({ line, figure, context: text });
    }
  }
  return out;
}

/** The figures each line of a part states on its own. */
function lineFigures(part: DocumentPart): Found[] {
  const out: Found[] = [];
  for (const { text: written, number } of part.lines) {
    // A timeline's rows are its entries; a figure there stands on a line of its own.
    if (part.kind === 'timeline' && /^\s*\|/.test(written)) continue;
    // Amounts written in words ("lasting two hours") are read as digits, and quoted as written.
    const digits = inDigitsMapped(written);
    const text = digits.text;
    const asWritten = (f: StatedDuration): StatedDuration =>
      text === written
        ? f
        : {
            ...f,
            index: digits.at(f.index),
            text: written.slice(digits.at(f.index), digits.at(f.index + f.text.length)),
          };
    const labelled = labelledDuration(text);
    if (labelled) {
      out.push({ line: number, figure: text === written ? labelled : { ...labelled, text: plain(written) } });
      continue;
    }
    // "From confirmation to mitigation was 46 min": a span between two named points, wherever it stands.
    const spans = statedSpans(text);
    for (const figure of spans) out.push({ line: number, figure: asWritten(figure) });
    const inSpan = (f: StatedDuration) =>
      spans.some((s) => f.index >= s.index && f.index < s.index + s.text.length);
    for (const figure of statedDurations(text)) {
      if (!figure.name || part.kind === 'timeline' || inSpan(figure)) continue; // a span of times of day in prose may be any span
      if (part.kind === 'cause' && latent(figure, text)) continue;
      if (OVERALL.includes(part.kind) || isNamedFigure(figure.name))
        out.push({ line: number, figure: asWritten(figure) });
    }
  }
  return out;
}

/** The problem named as what went unseen: "The issue went unnoticed for 3 hours". */
const PROBLEM_BEFORE =
  /\b(?:issues?|problems?|outages?|incidents?|failures?|errors?|impact|breakage|downtime)\b[^.;!?]{0,40}$/i;
/**
 * Told where the cause is explained, something other than the problem going unnoticed ("I had no
 * alerting on the repo growing, so this went unnoticed for 11 days") is the cause building up
 * before the incident, not its time to detection.
 */
const latent = (figure: StatedDuration, text: string) =>
  /^(?:unnoticed|undetected) for$/.test(figure.name ?? '') &&
  !PROBLEM_BEFORE.test(text.slice(0, figure.index));

/** A line or sentence as a quote: without emphasis marks and list markers. */
const plain = (text: string) =>
  text
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '')
    .trim();

/** The sentence around a figure found in prose, so the statement quotes what the author wrote. */
function quote(text: string, figure: StatedDuration): string {
  if (figure.index === 0 && figure.text.includes(':')) return figure.text;
  const start = Math.max(0, text.lastIndexOf('.', figure.index) + 1);
  const stop = text.indexOf('.', figure.index + figure.text.length);
  return plain(text.slice(start, stop < 0 ? undefined : stop + 1));
}

/**
 * What a document states outside its timeline: its figures ("Time to detection: 8 minutes",
 * "lasted approximately 26 minutes") and the sentences of its title, opening, Summary and Root
 * cause that state a cause (a Root cause section's first sentence does by where it stands), each with its line.
 * @example documentStatements(lines, 'postmortem.md').filter((s) => s.kind === 'duration')
 */
export function documentStatements(lines: DocumentLine[], file: string): Statement[] {
  const out: Statement[] = [];
  const textOf = new Map(lines.map((l) => [l.number, l.text]));
  const title = titleOf(lines);
  if (title) out.push({ kind: 'title', text: title.text, source: { file, line: title.number } });
  for (const part of documentParts(lines)) {
    for (const { line, figure, context } of figures(part)) {
      // "About 2 hours" is a figure; "over 7 hours" and "within minutes" are bounds, not figures.
      if (figure.qualifier === 'at least' || figure.qualifier === 'at most') continue;
      out.push({
        kind: 'duration',
        name: figure.name!,
        seconds: figure.seconds,
        text: quote(context ?? textOf.get(line) ?? figure.text, figure),
        source: { file, line },
      });
    }
    if (!CAUSAL.includes(part.kind)) continue; // never the timeline: its lines report, they do not explain
    for (const s of causalSentences(part.lines, { opensWithCause: part.kind === 'cause' }))
      out.push({ kind: 'cause', text: s.text, source: { file, line: s.line } });
  }
  return out;
}
