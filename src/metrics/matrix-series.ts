import type { Series } from '../model/index.js';
import { inferMeasureFrom, serviceFromLabels, toMeasureUnit } from './measure.js';

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

interface MatrixResult {
  metric?: Record<string, string>;
  values?: [number, string][];
}

/** A display name for a series: `__name__{a="b"}`, or the file name when the labels are empty. */
export function seriesName(labels: Record<string, string>, fallback: string): string {
  const { __name__: metric, ...rest } = labels;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}="${v}"`);
  return `${metric ?? fallback}${pairs.length ? `{${pairs.join(',')}}` : ''}`;
}

/** Turns a `query_range` matrix into series; `nameHint` (a query key or file name) helps infer roles. */
export function matrixToSeries(
  results: unknown[],
  {
    nameHint,
    measure,
    service,
    source,
    skip = () => {},
  }: {
    nameHint: string;
    measure?: Series['measure'];
    service: string | null;
    source: Series['source'];
    /** Told of each result or point that is not the shape Prometheus writes. */
    skip?: (line: number | null, reason: string) => void;
  },
): Series[] {
  return results.flatMap((item, i) => {
    const result = isObject(item) ? (item as MatrixResult) : null;
    if (!result || !(result.metric === undefined || isObject(result.metric))) {
      skip(source.line, `result ${i}: not a series (an object with 'metric' and 'values')`);
      return [];
    }
    const labels = result.metric ?? {};
    const name = seriesName(labels, nameHint);
    const role = measure ?? inferMeasureFrom(name, nameHint);
    const unit = toMeasureUnit(role, `${nameHint} ${name}`);
    const points: [number, number][] = [];
    const values: unknown = result.values ?? [];
    if (!Array.isArray(values)) skip(source.line, `${name}: 'values' is not a list of points`);
    for (const point of Array.isArray(values) ? values : []) {
      if (!Array.isArray(point)) {
        skip(source.line, `${name}: a point is not a [time, value] pair`);
        continue;
      }
      const [seconds, text] = point;
      const value = Number(text);
      if (Number.isFinite(value)) points.push([Math.round(Number(seconds) * 1000), unit(value)]);
      // Prometheus writes NaN and ±Inf for empty ratios; anything else unreadable is reported.
      else if (!/^(NaN|[+-]?Inf)$/.test(String(text)))
        skip(source.line, `${name}: value '${String(text).slice(0, 40)}' is not a number`);
    }
    return [{ name, measure: role, service: serviceFromLabels(labels, service), labels, points, source }];
  });
}
