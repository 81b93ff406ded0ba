/**
 * A line that is only a time-to figure: "MTTD: 2h52m", "**MTTR**: 01:00", "- Time to recovery: 399
 * minutes". It says how long, never who or what was hurt.
 */
const TIME_FIGURE =
  /^\s{0,3}(?:[-*+]\s{1,3})?(?:\*\*|__)?(?:MTT[A-Z]{1,3}|TT[A-Z]{1,3}|(?:mean\s{1,3})?time\s{1,3}to\s{1,3}[a-z]{3,15})(?:\*\*|__)?\s{0,3}:(?:\*\*|__)?\s{0,3}[\d~<>≈]\S{0,20}(?:\s{1,3}(?:minutes?|mins?|hours?|hrs?|h|m|seconds?|s|days?))?\s{0,3}$/i;

/** Lines (blank ones aside) that are all time-to figures, at least one: an Impact with no impact told. */
export function onlyTimeFigures(lines: string[]): boolean {
  const written = lines.filter((l) => l.trim() !== '');
  return written.length > 0 && written.every((l) => TIME_FIGURE.test(l));
}
