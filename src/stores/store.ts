/** A log store queried over the incident window instead of a file read line by line. */
export interface LogStore {
  name: string;
  /** distinct lines in the window, grouped as the store can */
  groups(window: { from: Date; to: Date }, signal?: AbortSignal): AsyncIterable<StoreGroup>;
}

export interface StoreGroup {
  service: string;
  level: string | null;
  /** raw example line's message */
  example: string;
  minutes: Array<{ minute: number /* epoch ms at minute start */; count: number }>;
}
