import type { LogTemplate } from '../model/index.js';
import { moreSevere } from './level.js';
import { type MinerOptions, miner } from './miner.js';

/** Two sorted per-minute lists as one, counts of the same minute added. */
export function mergePerMinute(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i][0] < b[j][0])) out.push([a[i][0], a[i++][1]]);
    else if (i >= a.length || b[j][0] < a[i][0]) out.push([b[j][0], b[j++][1]]);
    else out.push([a[i][0], a[i++][1] + b[j++][1]]);
  }
  return out;
}

/** `into` plus `t`: counts and minutes added, times widened, the earliest example kept. */
function absorb(into: LogTemplate, t: LogTemplate): void {
  into.count += t.count;
  if (t.firstSeen < into.firstSeen) {
    into.firstSeen = t.firstSeen;
    into.example = t.example;
    into.source = t.source;
    into.offset = t.offset;
  }
  into.lastSeen = Math.max(into.lastSeen, t.lastSeen);
  into.level = moreSevere(into.level, t.level);
  into.perMinute = mergePerMinute(into.perMinute, t.perMinute);
}

/**
 * The templates mined from consecutive parts of one log, merged as one miner reading the whole
 * would have them: per service and level (as the parts were mined), every part's templates go
 * through one fresh miner in order, so a template found in both parts, or made more general in
 * one, becomes one template whose counts, times, per-minute counts and earliest example add up.
 * @example mergeTemplates([[{ template: 'took <*> ms', count: 2, … }], [{ template: 'took 42 ms', count: 1, … }]])
 */
export function mergeTemplates(parts: LogTemplate[][], options: MinerOptions = {}): LogTemplate[] {
  const groups = new Map<string, { miner: ReturnType<typeof miner>; merged: Map<number, LogTemplate> }>();
  for (const part of parts) {
    for (const t of part) {
      const key = `${t.service}\u0000${t.level}`;
      const group = groups.get(key) ?? { miner: miner(options), merged: new Map<number, LogTemplate>() };
      groups.set(key, group);
      const id = group.miner.add(t.template);
      const known = group.merged.get(id);
      if (known) absorb(known, t);
      else group.merged.set(id, { ...t, perMinute: t.perMinute.slice(), source: { ...t.source } });
    }
  }
  const out: LogTemplate[] = [];
  for (const { miner: m, merged } of groups.values()) {
    for (const [id, t] of merged) out.push({ ...t, template: m.template(id) });
  }
  return out;
}
