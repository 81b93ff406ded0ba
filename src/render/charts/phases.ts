import type { MomentName, Moments } from '../../model/index.js';

export interface Phase {
  name: 'impact' | 'response' | 'mitigation' | 'recovery';
  label: string;
  colour: string;
  from: number;
  to: number;
}

const PHASES: { name: Phase['name']; label: string; colour: string; from: MomentName; to: MomentName[] }[] = [
  {
    name: 'impact',
    label: 'impact before detection',
    colour: '#dc3545',
    from: 'impactStart',
    to: ['detected'],
  },
  {
    name: 'response',
    label: 'response',
    colour: '#fd7e14',
    from: 'detected',
    to: ['mitigationStarted', 'recovered'],
  },
  {
    name: 'mitigation',
    label: 'mitigation',
    colour: '#0d6efd',
    from: 'mitigationStarted',
    to: ['recovered'],
  },
  { name: 'recovery', label: 'recovery, until closed', colour: '#198754', from: 'recovered', to: ['closed'] },
];

/** The stretches between the moments; one whose ends are missing or reversed is left out. */
export function phasesOf(moments: Moments): Phase[] {
  return PHASES.flatMap((p) => {
    const start = moments[p.from];
    const end = p.to.map((n) => moments[n]).find(Boolean);
    if (!start || !end) return [];
    const from = Date.parse(start.ts);
    const to = Date.parse(end.ts);
    return to > from ? [{ name: p.name, label: p.label, colour: p.colour, from, to }] : [];
  });
}

/** Short labels for the moment lines. */
export const MOMENT_LABELS: Record<MomentName, string> = {
  trigger: 'trigger',
  impactStart: 'impact start',
  detected: 'detected',
  acknowledged: 'acknowledged',
  mitigationStarted: 'mitigation',
  recovered: 'recovered',
  declared: 'declared',
  closed: 'closed',
};
