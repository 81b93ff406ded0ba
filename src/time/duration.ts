const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A span written `90s`, `30m`, `1h`, `2d` (or `1h30m`) in milliseconds, or null when it cannot be read. */
export function durationMs(text: string): number | null {
  const parts = text
    .trim()
    .toLowerCase()
    .match(/^(\d{1,6}[smhd]){1,4}$/)
    ? text.toLowerCase().match(/\d{1,6}[smhd]/g)
    : null;
  if (!parts) return null;
  return parts.reduce((sum, part) => sum + Number(part.slice(0, -1)) * UNIT_MS[part.slice(-1)], 0);
}
