// Writes schema/report.schema.json from the Report zod schema and schema/incident.schema.json from
// the manifest's, so users (and their editors) validate against the same contract as the code.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { Report } from '../dist/model/index.js';
import { incidentJsonSchema } from '../dist/stores/index.js';

const write = (name, schema) =>
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);

const report = z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' });
report.title = 'Hindsight postmortem report, schemaVersion 1';
write('report.schema.json', report);
write('incident.schema.json', incidentJsonSchema());
