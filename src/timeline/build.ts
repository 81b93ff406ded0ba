import type { Bundle, BundleInput } from '../bundle/index.js';
import type {
  Event,
  LogTemplate,
  Manifest,
  Problem,
  RawEvent,
  ReadContext,
  Series,
  Statement,
} from '../model/index.js';
import { isGeneratedReport } from '../model/index.js';
import { redactAll } from '../redact/index.js';
import { detectSource } from '../sources/index.js';
import { normaliseZone, type TimeContext } from '../time/index.js';
import { actsAfterWorkBegan } from './after-work-began.js';
import { classify, type Placement } from './classify.js';
import { dedupe } from './dedupe.js';
import { baselineEndOf, derivedEvents, liveSeries } from './derived.js';
import { foldRoutine } from './fold.js';
import { assignRefs } from './refs.js';
import { inferService } from './service.js';
import { skippedLines } from './skipped-lines.js';
import { type StoreLogOptions, storeTemplates } from './store-logs.js';

export interface Timeline {
  events: Event[];
  series: Series[];
  logTemplates: LogTemplate[];
  /** What documents state outside their timelines, for the analysis to check and cite. */
  statements: Statement[];
  /** The zone naive times were read in, and the zone the report displays besides UTC. */
  zone: string;
  problems: Problem[];
  filesRead: number;
  eventsRead: number;
  linesSkipped: number;
  notes: string[];
}

export interface BuildOptions {
  /** Overrides the manifest's timezone for times that carry none. */
  tz?: string;
  /** Called before each input is read, for progress on a terminal. */
  onInput?: (name: string, index: number, total: number) => void;
  /** Called while a log store's query runs, for progress on a terminal. */
  onStore?: StoreLogOptions['onStore'];
  /** Where store credentials are read from (default: the process environment). */
  env?: StoreLogOptions['env'];
}

interface Collected {
  raws: RawEvent[];
  series: Series[];
  templates: LogTemplate[];
  statements: Statement[];
  problems: Problem[];
  filesRead: number;
  linesSkipped: number;
  /** Files a person wrote (a postmortem, its timeline), as opposed to a tool's records. */
  documents: Set<string>;
}

async function readInput(
  input: BundleInput,
  manifest: Manifest,
  time: TimeContext,
  into: Collected,
): Promise<void> {
  if (isGeneratedReport(input.sample)) {
    into.problems.push({
      file: input.name,
      line: null,
      message: 'a report Hindsight wrote, not evidence: skipped',
      note: true,
    });
    return;
  }
  const source = detectSource(input, input.spec?.format);
  if (!source) {
    into.problems.push({
      file: input.name,
      line: null,
      message: 'format not recognised; file skipped (see `hindsight formats`)',
    });
    return;
  }
  const skipped = skippedLines(input.name, into.problems);
  const ctx: ReadContext = {
    manifest,
    spec: input.spec,
    time,
    skip: skipped.skip,
    note: skipped.note,
    addSeries: (s) => into.series.push(s),
    addLogTemplates: (t) => into.templates.push(...t),
    addStatement: (s) => into.statements.push(s),
  };
  into.filesRead++;
  if (source.name === 'markdown-timeline') into.documents.add(input.name);
  try {
    for await (const raw of source.read(input, ctx)) {
      if (!raw.service && input.spec?.service) raw.service = input.spec.service;
      into.raws.push(raw);
    }
  } catch (error) {
    into.problems.push({
      file: input.name,
      line: null,
      message: `${source.name}: could not read the rest: ${(error as Error).message}`,
    });
  }
  skipped.close();
  into.linesSkipped += skipped.count;
}

/** Steps back in time a list needs, three times its steps forward, to be written newest first. */
const NEWEST_FIRST_STEPS = 3;

/**
 * Each untyped entry's place among the untyped entries of its file, in the order of the story: the
 * document's order, or its reverse where the document lists its entries newest first (a status
 * page's history copied as it shows it), not where a few lines step back (a window's start told
 * after its end).
 */
function placements(raws: RawEvent[]): Map<RawEvent, Placement> {
  const byFile = new Map<string, RawEvent[]>();
  for (const raw of raws) {
    if (raw.kind !== undefined) continue;
    const list = byFile.get(raw.source.file);
    if (list) list.push(raw);
    else byFile.set(raw.source.file, [raw]);
  }
  const out = new Map<RawEvent, Placement>();
  for (const list of byFile.values()) {
    list.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
    const steps = list.slice(1).map((raw, i) => Math.sign(raw.ts - list[i].ts));
    const back = steps.filter((d) => d < 0).length;
    const newestFirst = back >= NEWEST_FIRST_STEPS && back > 3 * steps.filter((d) => d > 0).length;
    for (const [index, raw] of list.entries())
      out.set(raw, { index: newestFirst ? list.length - 1 - index : index, count: list.length });
  }
  return out;
}

function toEvent(
  raw: RawEvent,
  known: string[],
  primary: string[],
  placement?: Placement,
): { event: Event; stated: boolean } {
  const { kind, signals, bound, partial, unnamedChange, stated } = classify(raw, placement);
  const attrs = {
    ...(raw.attrs ?? {}),
    ...(bound ? { impactBound: bound } : {}),
    ...(partial ? { partialRecovery: true } : {}),
    ...(unnamedChange ? { unnamedChange: true } : {}),
  };
  const event: Event = {
    ts: raw.ts,
    kind,
    signals,
    service: inferService(raw, known, primary, attrs),
    ref: raw.ref ?? '',
    ownRef: Boolean(raw.ref),
    summary: raw.summary.trim(),
    details: raw.details ?? [],
    attrs,
    source: raw.source,
    sources: [raw.source],
  };
  return { event, stated: Boolean(stated) };
}

/**
 * Reads every input of a bundle and returns one sorted, de-duplicated, redacted timeline.
 * @example const timeline = await buildTimeline(await openBundle(['examples/seed-003']))
 */
export async function buildTimeline(bundle: Bundle, options: BuildOptions = {}): Promise<Timeline> {
  const { manifest } = bundle;
  const zone = normaliseZone(options.tz ?? manifest.timezone ?? 'UTC');
  const time: TimeContext = { zone, date: manifest.date ? manifest.date.slice(0, 10) : null };
  const into: Collected = {
    raws: [],
    series: [],
    templates: [],
    statements: [],
    problems: [...bundle.problems],
    filesRead: 0,
    documents: new Set(),
    linesSkipped: 0,
  };
  for (const [i, input] of bundle.inputs.entries()) {
    options.onInput?.(input.name, i, bundle.inputs.length);
    await readInput(input, manifest, time, into);
  }

  into.series.push(...(await liveSeries(into.raws, manifest, into.problems)));
  const storeNotes: string[] = [];
  into.templates.push(
    ...(await storeTemplates(into.raws, manifest, into.problems, storeNotes, {
      onStore: options.onStore,
      env: options.env,
      othersSuffice: into.raws.length > 0 || into.series.length > 0 || into.templates.length > 0,
    })),
  );
  const direct = into.raws.length;
  // Logs alone: no event and no metric to mark the incident window the log is judged against.
  const logsAlone = direct === 0 && into.series.length === 0;
  const derived = derivedEvents(into.templates, into.series, baselineEndOf(into.raws), zone, logsAlone);
  into.raws.push(...derived.events);

  const known = [
    ...new Set([...manifest.services, ...into.raws.map((r) => r.service).filter((s): s is string => !!s)]),
  ];
  // A place in the story is a document's: a tool's log read for its words has none.
  const placed = placements(into.raws.filter((raw) => into.documents.has(raw.source.file)));
  const read = into.raws.map((raw) => ({ raw, ...toEvent(raw, known, manifest.services, placed.get(raw)) }));
  // Only entries of a document a person wrote: a source that states its kind keeps it, and a tool's
  // log (a deploy log read for its words) tells no story of people at work.
  const responses = actsAfterWorkBegan(
    read.filter(({ raw }) => raw.kind === undefined && !raw.signals && into.documents.has(raw.source.file)),
  );
  const groups = new Map<Event, string | undefined>();
  const events = read.map(({ raw, event }) => {
    const final = responses.get(event) ?? event;
    groups.set(final, raw.group);
    return final;
  });
  events.sort((a, b) => a.ts - b.ts);
  const merged = foldRoutine(dedupe(events, groups));
  assignRefs(merged);
  const notes = [...bundle.notes, ...storeNotes, ...derived.notes];
  if (!options.tz && !manifest.timezone)
    notes.push(
      'Times that carry no zone, in files that state none ("All times in CEST"), were read as UTC (no timezone in the manifest).',
    );
  return {
    // Redacted here, by the same module as the report, so no analysis text ever holds a secret.
    events: merged.map((e) => redactAll(e)),
    series: into.series.map((s) => ({ ...redactAll({ ...s, points: [] }), points: s.points })),
    logTemplates: into.templates.map((t) => ({
      ...redactAll({ ...t, perMinute: [] }),
      perMinute: t.perMinute,
    })),
    statements: into.statements.map((s) => redactAll(s)),
    zone,
    problems: into.problems.map((p) => redactAll(p)),
    filesRead: into.filesRead,
    eventsRead: direct + into.templates.reduce((n, t) => n + t.count, 0),
    linesSkipped: into.linesSkipped,
    notes,
  };
}
