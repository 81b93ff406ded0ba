const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** An SLO window (`30d`, `4w`, `24h`) in seconds, or null when it cannot be read. */
export function windowSeconds(window: string): number | null {
  const m = window.trim().match(/^(\d+(?:\.\d+)?)\s*([smhdw])$/i);
  return m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : null;
}
