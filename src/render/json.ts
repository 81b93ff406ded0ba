import type { Postmortem } from '../report/index.js';

/** Writes the SPEC §3 report (as the audience may see it). */
export const renderJson = (doc: Postmortem): string => `${JSON.stringify(doc.report, null, 2)}\n`;
