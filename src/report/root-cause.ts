import type { Report } from '../model/index.js';
import { type Block, ref, type Section } from './document.js';

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

/**
 * The root cause as two things the evidence shows apart: the trigger (the change that set it off)
 * and the mechanism (how the system failed: OOM kills, an exhausted pool, saturation, a failing
 * dependency), each cited; then every suspect with the evidence for and against it.
 */
export function rootCauseSection(r: Report): Section {
  const mechanisms = r.findings.filter((f) => f.kind === 'mechanism');
  const items: [string, string][] = [['Trigger', trigger(r)]];
  if (mechanisms.length)
    for (const f of mechanisms)
      items.push(['Mechanism', `${f.statement} Evidence: ${refs(f.evidenceRefs)}.`]);
  else
    items.push([
      'Mechanism',
      'not in the evidence: no OOM kill, exhausted pool, saturation or failing dependency is recorded.',
    ]);
  const blocks: Block[] = [{ type: 'fields', items }];
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
  return { id: 'root-cause', title: 'Root cause analysis', blocks };
}
