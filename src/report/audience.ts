import type { Report, Series } from '../model/index.js';
import { mapStrings, maskPii } from '../timeline/index.js';
import { customerDocument } from './customer.js';
import type { Audience, Postmortem } from './document.js';
import { executiveDocument } from './executive.js';
import { internalDocument } from './internal.js';

export const audiences = ['internal', 'executive', 'customer'] as const satisfies Audience[];

/** The document for an audience; with `pii`, personal data is masked for every audience. */
export function toPostmortem(
  report: Report,
  series: Series[],
  audience: Audience = 'internal',
  { pii = false } = {},
): Postmortem {
  const r = pii ? mapStrings(report, maskPii) : report;
  if (audience === 'executive') return executiveDocument(r);
  if (audience === 'customer') return customerDocument(r);
  return internalDocument(r, series);
}
