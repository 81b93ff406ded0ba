import { z } from 'zod';
import type { Report } from '../model/index.js';
import type { IncidentRecord } from './record.js';

export const SearchFilters = z.object({
  service: z.string().optional(),
  /** YYYY-MM-DD, inclusive. */
  since: z.string().optional(),
  /** YYYY-MM-DD, inclusive. */
  until: z.string().optional(),
  severity: z.string().optional(),
  limit: z.number().int().positive().optional(),
  /** 'all' words must match (default), or 'any' of them, best first. */
  match: z.enum(['all', 'any']).optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchResult = z.object({
  id: z.string(),
  title: z.string(),
  /** Higher is better; comparable within one search only. */
  score: z.number(),
  snippet: z.string(),
  date: z.string().nullable(),
  severity: z.string().nullable(),
  services: z.array(z.string()),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** Storage a backend provides; relations and statistics are computed over it (library.ts). */
export interface StoreBackend {
  /** 'sqlite' or 'postgres', for messages. */
  kind: string;
  /** Inserts or replaces the record with the same id, with the report it came from (null if imported). */
  put(record: IncidentRecord, report: Report | null): Promise<void>;
  get(id: string): Promise<IncidentRecord | null>;
  /** The generated report kept with the record; null for an imported one or one saved before reports were kept. */
  report(id: string): Promise<Report | null>;
  /** Every record, newest date first. */
  list(): Promise<IncidentRecord[]>;
  /** Full-text search, best first. */
  search(query: string, filters?: SearchFilters): Promise<SearchResult[]>;
  /** Schema versions applied, oldest first. */
  migrations(): Promise<number[]>;
  /** Keeps the author's edit of one item (claim, suspect, follow-up, narrative section) of an incident. */
  putEdit(incidentId: string, itemId: string, value: Record<string, unknown>): Promise<void>;
  /** Forgets one edit (a key replaced by another). */
  deleteEdit(incidentId: string, itemId: string): Promise<void>;
  /** The author's edits of an incident, by item key. */
  edits(incidentId: string): Promise<Record<string, Record<string, unknown>>>;
  close(): Promise<void>;
}

/** The incident library: what commands and the review page use. */
export interface IncidentStore extends Omit<StoreBackend, 'put'> {
  /** Saves a generated report or an imported record; returns the record as stored. */
  save(input: Report | IncidentRecord): Promise<IncidentRecord>;
  related(
    target: Report | IncidentRecord,
    options?: { limit?: number },
  ): Promise<import('./related.js').RelatedIncident[]>;
  stats(options?: { today?: string }): Promise<import('./stats.js').LibraryStats>;
}
