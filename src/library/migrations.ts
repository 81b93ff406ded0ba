/** One schema change, applied once, in version order, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** The library schema's history; append, never edit a released entry. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'incidents with full-text search',
    sqlite: `
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        severity TEXT,
        services TEXT NOT NULL,
        cause_kind TEXT,
        record TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE INDEX incidents_date ON incidents (date);
      CREATE VIRTUAL TABLE incidents_fts USING fts5 (id UNINDEXED, title, summary, root_cause, body, tokenize = 'porter unicode61');`,
    postgres: `
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        severity TEXT,
        services TEXT[] NOT NULL,
        cause_kind TEXT,
        record JSONB NOT NULL,
        saved_at TIMESTAMPTZ NOT NULL,
        summary TEXT NOT NULL,
        root_cause TEXT NOT NULL,
        body TEXT NOT NULL,
        search TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', summary), 'B') ||
          setweight(to_tsvector('english', root_cause), 'B') ||
          setweight(to_tsvector('english', body), 'D')
        ) STORED
      );
      CREATE INDEX incidents_date ON incidents (date);
      CREATE INDEX incidents_search ON incidents USING GIN (search);`,
  },
  {
    version: 2,
    name: 'review edits by incident and item',
    sqlite: `
      CREATE TABLE review_edits (
        incident_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        value TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (incident_id, item_id)
      );`,
    postgres: `
      CREATE TABLE review_edits (
        incident_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        value JSONB NOT NULL,
        saved_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (incident_id, item_id)
      );`,
  },
  {
    version: 3,
    name: 'the full generated report beside its record',
    sqlite: 'ALTER TABLE incidents ADD COLUMN report TEXT;',
    postgres: 'ALTER TABLE incidents ADD COLUMN report JSONB;',
  },
];
