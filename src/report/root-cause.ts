import type { Report } from '../model/index.js';
import { type Block, ref, type Section } from './document.js';
import { claimBlocks } from './narrative-sections.js';

const refs = (rs: string[]) => rs.map(ref).join(', ');

/** The change that set it off, or why none is named. */
function trigger(r: Report): string {
  const top = r.suspects[0];
  if (!top)
    return 'No change in the evidence precedes the symptoms; the trigger cannot be determined from this evidence.';
  if (!r.moments.trigger)
    return `No convincing trigger: the strongest candidate, ${ref(top.ref)}, has confidence ${top.confidence.toFixed(2)}, too low to name it.`;
  return `${ref(top.ref)} — ${top.summary} (confidence ${top.confidence.toFixed(2)})`;
}

/** The trigger (the change that set it off), then every suspect with the evidence for and against it. */
export function triggerSection(r: Report): Section {
  const blocks: Block[] = [{ type: 'fields', items: [['Trigger', trigger(r)]] }];
  for (const s of r.suspects) {
    blocks.push({
      type: 'paragraph',
      text: `${ref(s.ref)} — ${s.summary} (service: ${s.service ?? 'not stated'}; confidence ${s.confidence.toFixed(2)})`,
    });
    blocks.push({
      type: 'list',
      items: [...s.reasons.map((x) => `For: ${x}`), ...s.against.map((x) => `Against: ${x}`)],
    });
  }
  return { id: 'trigger', title: 'Trigger', blocks };
}

/**
 * The root cause apart from the trigger: the mechanism the evidence shows (how the system failed:
 * OOM kills, an exhausted pool, saturation, a failing dependency), each cited; then what the
 * evidence says caused it in words (a postmortem's own cause statement, a line stating a cause).
 */
export function rootCauseSection(r: Report): Section {
  const mechanisms = r.findings.filter((f) => f.kind === 'mechanism');
  const stated = r.narrative.cause;
  const items: [string, string][] = [];
  if (mechanisms.length)
    for (const f of mechanisms)
      items.push(['Mechanism', `${f.statement} Evidence: ${refs(f.evidenceRefs)}.`]);
  else
    items.push([
      'Mechanism',
      stated.length
        ? 'not shown by any record: no OOM kill, exhausted pool, saturation or failing dependency is recorded; what the evidence says in words is below.'
        : 'not in the evidence: no OOM kill, exhausted pool, saturation or failing dependency is recorded.',
    ]);
  const blocks: Block[] = [{ type: 'fields', items }];
  if (stated.length) blocks.push(...claimBlocks(r, stated, ''));
  return { id: 'root-cause', title: 'Root cause analysis', blocks };
}
