// A silence is something a responder did during the incident: it mutes alerts from then on.
import type { RawEvent, ReadContext } from '../model/index.js';
import { asObject, asText } from './json-payloads.js';
import { payloadTime } from './payload-time.js';

/** An API v2 `gettableSilence`. */
export const isSilence = (p: Record<string, unknown>) =>
  typeof p.id === 'string' && Array.isArray(p.matchers) && 'startsAt' in p && 'createdBy' in p;

function matcherText(m: unknown): string {
  const { name, value, isEqual = true, isRegex = false } = asObject(m) ?? {};
  const op = isRegex ? (isEqual ? '=~' : '!~') : isEqual ? '=' : '!=';
  return `${name}${op}"${value}"`;
}

/** The silence as an action at startsAt; who made it and until when stay in attrs. */
export function silenceEvent(
  s: Record<string, unknown>,
  file: string,
  line: number,
  ctx: ReadContext,
): RawEvent | null {
  const ts = payloadTime(s.startsAt, ctx.time);
  if (ts == null) {
    ctx.skip(line, `silence ${s.id} has no readable startsAt`);
    return null;
  }
  const matchers = (s.matchers as unknown[]).map(matcherText);
  const alertname = (s.matchers as unknown[])
    .map(asObject)
    .find((m) => m?.name === 'alertname' && !m.isRegex)?.value;
  const comment = asText(s.comment);
  const attrs = {
    matchers,
    ...(alertname ? { alertname } : {}),
    endsAt: s.endsAt,
    state: asText(asObject(s.status)?.state),
    user: asText(s.createdBy),
  };
  const summary = `Silenced alerts matching ${matchers.join(', ')}${comment ? `: ${comment}` : ''}`;
  return {
    ts,
    kind: 'action',
    service: null,
    ref: `am-silence-${s.id}`,
    summary,
    attrs,
    source: { file, line },
  };
}
