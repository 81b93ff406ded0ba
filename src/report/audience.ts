import type { Report, Series } from '../model/index.js';
import { customerDocument } from './customer.js';
import type { Audience, Postmortem } from './document.js';
import { executiveDocument } from './executive.js';
import { internalDocument } from './internal.js';

export const audiences = ['internal', 'executive', 'customer'] as const satisfies Audience[];

/**
 * The document for an audience, from a report already redacted by `redactReport` (personal data
 * masked there with `redact.pii`; the customer document masks it whatever the manifest says).
 */
export function toPostmortem(report: Report, series: Series[], audience: Audience = 'internal'): Postmortem {
  if (audience === 'executive') return executiveDocument(report);
  if (audience === 'customer') return customerDocument(report);
  return internalDocument(report, series);
}
