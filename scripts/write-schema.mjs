// Writes schema/report.schema.json from the Report zod schema, so users validate against the same contract.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { Report } from '../dist/model/index.js';

const schema = z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' });
schema.title = 'Hindsight postmortem report, schemaVersion 1';
writeFileSync(
  new URL('../schema/report.schema.json', import.meta.url),
  `${JSON.stringify(schema, null, 2)}\n`,
);
