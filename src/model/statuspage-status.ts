import type { EventKind, Signal } from './event.js';

/**
 * What each update status means on the incident's course, by Statuspage's own definitions:
 * investigating (the team is on it), identified (the cause is known), monitoring (a fix is in
 * place), resolved, postmortem; and the four states of a scheduled maintenance.
 */
export const STATUSPAGE_STATUS: Record<string, { kind: EventKind; signals: Signal[]; verb: string }> = {
  investigating: { kind: 'ack', signals: ['ack'], verb: 'Investigating' },
  identified: { kind: 'note', signals: ['diagnosis'], verb: 'Identified' },
  monitoring: { kind: 'action', signals: ['mitigation'], verb: 'Monitoring' },
  resolved: { kind: 'note', signals: ['recovery'], verb: 'Resolved' },
  postmortem: { kind: 'note', signals: ['close'], verb: 'Postmortem' },
  scheduled: { kind: 'note', signals: [], verb: 'Maintenance scheduled' },
  in_progress: { kind: 'change', signals: [], verb: 'Maintenance in progress' },
  verifying: { kind: 'note', signals: [], verb: 'Maintenance verifying' },
  completed: { kind: 'note', signals: [], verb: 'Maintenance completed' },
};
