import type { Input } from '../bundle/index.js';
import { epochToMs, sampleLines, timestampReader } from '../logs/index.js';
import { inferMeasureFrom, toMeasureUnit } from '../metrics/index.js';
import type { ReadContext, Series, Source } from '../model/index.js';
import { isPrintableTime, parseTime } from '../time/index.js';
import { isBelievableValue } from './guard.js';
import { LIMITS } from './limits.js';
import { linesOf } from './read-text.js';

const TIME_HEADER = /^(ts|time|timestamp|date|datetime|t|time_?stamp|minute)$/i;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

const cells = (line: string) => line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const [header, ...rows] = sampleLines(input.sample, { limit: 6 });
  if (!header || !rows.length) return false;
  const names = cells(header);
  if (names.length < 2 || !TIME_HEADER.test(names[0]) || names.slice(1).some((n) => NUMBER.test(n)))
    return false;
  return rows.every((row) =>
    cells(row)
      .slice(1)
      .every((c) => c === '' || NUMBER.test(c) || /^nan$/i.test(c)),
  );
}

async function* read(input: Input, ctx: ReadContext) {
  const stamps = timestampReader({ zone: ctx.time.zone, date: ctx.time.date ?? null });
  const timeOf = (text: string) => {
    if (/^\d+(\.\d+)?$/.test(text)) return epochToMs(Number(text));
    const ms = stamps.read(text);
    if (!Number.isNaN(ms)) return ms;
    const parsed = parseTime(text, ctx.time);
    return parsed.ok ? parsed.ms : Number.NaN;
  };
  let columns: Series[] = [];
  let units: ((v: number) => number)[] = [];
  let points = 0;
  for await (const line of linesOf(input, ctx)) {
    if (!line.text.trim()) continue;
    const row = cells(line.text);
    if (!columns.length) {
      const base = input.name.replace(/^.*\//, '').replace(/\.csv$/i, '');
      columns = row.slice(1).map((column) => {
        const name = row.length === 2 && /^(value|v|y)$/i.test(column) ? base : column;
        const measure = ctx.spec?.measure ?? inferMeasureFrom(name, base);
        const source = { file: input.name, line: line.number };
        return { name, measure, service: ctx.spec?.service ?? null, labels: {}, points: [], source };
      });
      units = columns.map((c) => toMeasureUnit(c.measure, `${c.name} ${base}`));
      continue;
    }
    const ts = timeOf(row[0]);
    if (!isPrintableTime(ts)) {
      ctx.skip(line.number, `cannot read time '${row[0].slice(0, 40)}'`);
      continue;
    }
    if (points >= LIMITS.pointsPerFile) {
      ctx.skip(
        line.number,
        `stopped after ${LIMITS.pointsPerFile.toLocaleString('en-US')} points, the cap per file; the rest was not read`,
      );
      break;
    }
    columns.forEach((series, i) => {
      const cell = row[i + 1];
      if (cell === undefined || cell === '' || /^nan$/i.test(cell)) return;
      const value = units[i](Number(cell));
      if (!isBelievableValue(value)) {
        const why = Number.isNaN(value) ? 'not a number' : 'value out of range';
        ctx.skip(line.number, `${series.name}: ${why} '${cell.slice(0, 40)}'`);
        return;
      }
      series.points.push([ts, value]);
      points++;
    });
  }
  for (const series of columns) {
    series.points.sort((a, b) => a[0] - b[0]);
    ctx.addSeries(series);
  }
  yield* [];
}

/** CSV time series: `ts,value` or `ts,<series1>,<series2>…`, one column per series. */
export const csvSeries: Source = {
  name: 'csv-series',
  aliases: ['csv-metrics', 'metrics-csv'],
  title: 'CSV time series: ts,value or ts,<series1>,<series2>… (each column becomes a series)',
  example: 'ts,error_ratio,p99_latency_seconds\\n2026-02-10T14:00:00Z,0.002,0.21',
  detect,
  read,
};
