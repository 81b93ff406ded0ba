import { EventKind, MomentName, type Report } from '../../model/index.js';
import { layoutLabels, type PlacedLabel } from './label-layout.js';
import { lanesOf } from './lanes.js';
import { MOMENT_LABELS, type Phase, phasesOf } from './phases.js';
import { axisRows } from './time-axis.js';
import { type TimeScale, timeScale } from './time-scale.js';

export type TimelineChartInput = Pick<Report, 'timeline' | 'moments' | 'zone'>;

export const LEFT = 140;
export const RIGHT = 16;
export const LANE = 30;
export const LABEL_ROW = 14;

export interface MomentLabel {
  x: number;
  t: number;
  text: string;
  ref: string | null;
}

/** Where everything of a timeline chart goes; computed once, then drawn layer by layer. */
export interface TimelineLayout {
  width: number;
  zone: string;
  entries: (Report['timeline'][number] & { t: number })[];
  lanes: string[];
  scale: TimeScale;
  moments: PlacedLabel<MomentLabel>[];
  phases: Phase[];
  kinds: EventKind[];
  lanesTop: number;
  lanesBottom: number;
  legendY: number;
}

/** Moments at the same spot share one line and one label. */
function momentLabels(r: TimelineChartInput, x: (t: number) => number): MomentLabel[] {
  const groups: MomentLabel[] = [];
  for (const name of MomentName.options) {
    const m = r.moments[name];
    if (!m) continue;
    const t = Date.parse(m.ts);
    const same = groups.find((g) => Math.abs(g.x - x(t)) < 1.5);
    if (same) same.text += ` · ${MOMENT_LABELS[name]}`;
    else groups.push({ x: x(t), t, text: MOMENT_LABELS[name], ref: m.ref });
  }
  return groups;
}

export function timelineLayout(r: TimelineChartInput, width: number): TimelineLayout {
  const entries = r.timeline.map((e) => ({ ...e, t: Date.parse(e.ts) })).sort((a, b) => a.t - b.t);
  const momentTimes = MomentName.options.flatMap((n) => (r.moments[n] ? [Date.parse(r.moments[n].ts)] : []));
  const scale = timeScale([...entries.map((e) => e.t), ...momentTimes], { left: LEFT, right: width - RIGHT });
  const moments = layoutLabels(momentLabels(r, scale.x), { maxX: width - RIGHT });
  const lanes = lanesOf(r.timeline);
  const lanesTop = 12 + Math.max(0, ...moments.map((l) => l.row + 1)) * LABEL_ROW;
  const lanesBottom = lanesTop + lanes.length * LANE;
  return {
    width,
    zone: r.zone,
    entries,
    lanes,
    scale,
    moments,
    phases: phasesOf(r.moments),
    kinds: EventKind.options.filter((k) => entries.some((e) => e.kind === k)),
    lanesTop,
    lanesBottom,
    legendY: lanesBottom + 2 + axisRows(r.zone) * 13 + 26,
  };
}
