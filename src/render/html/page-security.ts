import { createHash } from 'node:crypto';

/**
 * A Content-Security-Policy that allows nothing but this page's own stylesheet, by hash: no
 * script, no style attribute, no request of any kind.
 */
export function contentSecurityPolicy(style: string): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
}
