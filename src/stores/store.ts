/** The incident window a store is asked about, both ends as instants. */
export interface StoreWindow {
  from: Date;
  to: Date;
}

/**
 * A log store that can answer for a window: the distinct lines it holds there, grouped as finely
 * as the store can, never more coarsely than Hindsight's masker would group them.
 */
export interface LogStore {
  name: string;
  /** distinct lines in the window, grouped as the store can */
  groups(window: StoreWindow, signal?: AbortSignal): AsyncIterable<StoreGroup>;
}

/**
 * Lines of one service and level that the store counted together. Hindsight mines `example` with
 * the ordinary miner and adds the counts, so every line of a group must get the example's template.
 */
export interface StoreGroup {
  service: string;
  level: string | null;
  /** raw example line's message */
  example: string;
  minutes: Array<{ minute: number /* epoch ms at minute start */; count: number }>;
  /** Epoch ms of the group's earliest and latest line, when the store knows them; else its minutes bound them. */
  first?: number;
  last?: number;
}
