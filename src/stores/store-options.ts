/** What every store factory takes beside its manifest entry. */
export interface StoreOptions {
  /** Where credentials are read from (the variables the entry's `auth` names). */
  env?: Record<string, string | undefined>;
  /** Lines read so far, lines the store counted in the window, and seconds spent: for a progress line. */
  onProgress?: (progress: { rows: number; totalRows: number; seconds: number }) => void;
  /** A doubt about the data that still leaves a usable result: a data-quality problem of the store's `name`. */
  onProblem?: (message: string) => void;
}

const MINUTE = 60_000;

/** The window widened to whole minutes, so that per-minute counts cover it exactly. */
export function minuteWindow(window: { from: Date; to: Date }): { from: number; to: number } {
  return {
    from: Math.floor(window.from.getTime() / MINUTE) * MINUTE,
    to: Math.ceil(window.to.getTime() / MINUTE) * MINUTE,
  };
}

/** Lines read against lines the store counted, in a few words, or null when they agree. */
export function countMismatch(read: number, counted: number | null): string | null {
  if (counted === null || read === counted) return null;
  return `read ${read.toLocaleString('en-US')} lines but the store counted ${counted.toLocaleString('en-US')} in the window; the log events may be incomplete`;
}
