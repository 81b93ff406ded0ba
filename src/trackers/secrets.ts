/** Every form a secret could take in text: as given, and inside an HTTP Basic header. */
export function secretForms(secrets: Array<string | undefined>): string[] {
  const given = secrets.filter((s): s is string => !!s && s.length >= 4);
  return given.flatMap((s) => [s, encodeURIComponent(s)]);
}

/** Replaces each secret in text; the last guard before anything reaches the terminal. */
export function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[token]');
  return out;
}
