import { redactText } from '../redact/index.js';

/** What an evidence line quotes of a body or an output, at most. */
export const EXCERPT_CHARS = 200;

/**
 * A short, printable, redacted excerpt: control characters become spaces, runs of space one,
 * secrets are redacted before cutting (so no half secret survives), then at most `max` characters.
 * @example excerpt('{"error":"boom"}\n') // '{"error":"boom"}'
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const printable = text
    .replace(/[\p{Cc}\ufffd]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return Array.from(redactText(printable)).slice(0, max).join('');
}

/** The last `max` characters of a command's output, redacted first, control characters but newlines removed. */
export function outputTail(text: string, max = 2000): string {
  const tail = text.slice(-2 * max).replace(/[^\P{Cc}\n\t]+/gu, '');
  return Array.from(redactText(tail)).slice(-max).join('');
}
