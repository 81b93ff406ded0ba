import type { EventKind } from '../model/index.js';

/** One colour per kind, shared by the chart marks and the timeline rows. */
export const KIND_COLOURS: Record<EventKind, string> = {
  change: '#6f42c1',
  rollback: '#d63384',
  alert: '#dc3545',
  alert_resolved: '#198754',
  page: '#fd7e14',
  ack: '#0dcaf0',
  log: '#6c757d',
  metric: '#20c997',
  health: '#ffc107',
  chat: '#adb5bd',
  ticket: '#0d6efd',
  report: '#e35d6a',
  action: '#3d8bfd',
  note: '#ced4da',
};
