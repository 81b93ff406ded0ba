import type { Input } from '../bundle/index.js';
import { matrixToSeries } from '../metrics/index.js';
import type { ReadContext, Source } from '../model/index.js';
import { documentOf } from './read-text.js';

async function* read(input: Input, ctx: ReadContext) {
  let body: { data?: { resultType?: string; result?: unknown[] } };
  try {
    body = JSON.parse(await documentOf(input.path, ctx));
  } catch (error) {
    return ctx.skip(null, `not valid JSON: ${(error as Error).message}`);
  }
  if (body?.data?.resultType !== 'matrix' || !Array.isArray(body.data.result)) {
    return ctx.skip(
      null,
      `expected a query_range matrix, found resultType '${String(body?.data?.resultType).slice(0, 40)}'`,
    );
  }
  const nameHint = input.name.replace(/^.*\//, '').replace(/\.json$/i, '');
  const series = matrixToSeries(body.data.result, {
    nameHint,
    measure: ctx.spec?.measure,
    service: ctx.spec?.service ?? null,
    source: { file: input.name, line: null },
    skip: ctx.skip,
  });
  for (const s of series) ctx.addSeries(s);
  yield* [];
}

/** Prometheus `query_range` JSON (`curl …/api/v1/query_range?query=…`), one or several series. */
export const prometheusFile: Source = {
  name: 'prometheus-file',
  aliases: ['prometheus', 'query_range'],
  title: 'Prometheus query_range JSON (matrix): each series becomes onset/peak/recovery events',
  example:
    "curl -G localhost:9090/api/v1/query_range --data-urlencode 'query=…' -d start=… -d end=… -d step=15s > errors.json",
  detect: (input) =>
    !input.isDirectory &&
    input.sample.trimStart().startsWith('{') &&
    /"resultType"\s*:\s*"matrix"/.test(input.sample),
  read,
};
