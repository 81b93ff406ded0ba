// How narrative sentences name an entry and quote it, so readers without a timeline can drop the quote.
import type { Event } from '../../model/index.js';
import { shorten } from '../../text/shorten.js';

const of = (service: string | null) => (service ? ` of ${service}` : '');
const version = (e: Event) => {
  const v = e.attrs.version;
  return typeof v === 'string' && /^v?\d{1,6}(?:\.\d{1,6}){0,3}$/.test(v) ? v : null;
};

/** Kinds a person writes: what they say there is a report, not a measurement. */
export const HUMAN_KINDS = new Set(['chat', 'report', 'ticket', 'note']);
/** Kinds monitoring writes. */
export const MONITORING_KINDS = new Set(['alert', 'page', 'health', 'metric', 'log']);

/** A noun phrase for an entry, in plain words: "an alert in checkout", "a rollback of checkout to v3.7.4". */
export function entryWords(e: Event): string {
  switch (e.kind) {
    case 'alert':
      return `an alert${e.service ? ` in ${e.service}` : ''}`;
    case 'page':
      return 'a page to the on-call responder';
    case 'health':
      return `a failing health check${of(e.service)}`;
    case 'metric':
      return e.attrs.phase === 'recovered'
        ? `a metric${of(e.service)} returning to its baseline`
        : `a metric${of(e.service)} leaving its baseline`;
    case 'alert_resolved':
      return `an alert${e.service ? ` in ${e.service}` : ''} resolving`;
    case 'log':
      return `errors in the logs${of(e.service)}`;
    case 'report':
      return 'a report from a person';
    case 'chat':
      return 'a message from a person';
    case 'ticket':
      return 'a ticket';
    case 'ack':
      return 'a responder acknowledging';
    case 'rollback':
      return `a rollback${of(e.service)}${version(e) ? ` to ${version(e)}` : ''}`;
    case 'change':
      return `a change${of(e.service)}`;
    case 'action':
      return 'an action by a responder';
    default:
      return 'a note';
  }
}

/** Curly quotes mark evidence text in narrative; straight ones inside would end it early. */
const QUOTE = /: “[^“”]{0,400}”/g;

/**
 * `plain` followed by the entry's words, quoted: `Detected by an alert (AM-02): “CheckoutHighErrorRate…”`.
 * The entry's own closing full stop is left out: the sentence the quote ends has its own.
 */
export const quoted = (plain: string, evidence: string) =>
  `${plain}: “${shorten(withoutFullStop(evidence.replace(/[“”]/g, '"')), 140)}”`;

const withoutFullStop = (text: string) => {
  const trimmed = text.trimEnd();
  return trimmed.endsWith('.') && !trimmed.endsWith('..') ? trimmed.slice(0, -1) : trimmed;
};

/** The text without the evidence it quotes, for readers who never see the timeline. */
export const unquoted = (text: string) => text.replace(QUOTE, '');
