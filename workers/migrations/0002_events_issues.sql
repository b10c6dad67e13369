-- Events, issues grouped by fingerprint, per-minute buckets for /v1/stats, client drop counts
-- and the read audit log (SPEC §5). Times are ms since the epoch.

CREATE TABLE issues (
  id TEXT PRIMARY KEY,                 -- deterministic from (project_id, fingerprint)
  project_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  title TEXT NOT NULL,                 -- scrubbed message of the first event
  type TEXT NOT NULL,
  category TEXT NOT NULL,
  severity TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  count INTEGER NOT NULL,              -- sum of the events' occurrences
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'ignored')),
  resolved_at INTEGER,
  regressed_at INTEGER,                -- last time a resolved issue recurred
  UNIQUE (project_id, fingerprint)
);
CREATE INDEX issues_by_last_seen ON issues (project_id, last_seen, id);
CREATE INDEX issues_by_first_seen ON issues (project_id, first_seen, id);
CREATE INDEX issues_by_count ON issues (project_id, count, id);

CREATE TABLE events (
  project_id TEXT NOT NULL,
  id TEXT NOT NULL,
  issue_id TEXT NOT NULL,
  timestamp INTEGER NOT NULL,          -- when it happened (client clock)
  received_at INTEGER NOT NULL,        -- when the collector stored it
  type TEXT NOT NULL,
  category TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  occurrences INTEGER NOT NULL DEFAULT 1,
  correlation_id TEXT,
  user_id TEXT,
  payload TEXT NOT NULL,               -- the scrubbed wire event, JSON
  PRIMARY KEY (project_id, id)
);
CREATE INDEX events_by_received ON events (project_id, received_at);
CREATE INDEX events_by_issue ON events (issue_id, timestamp DESC);
CREATE INDEX events_by_correlation ON events (project_id, correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX events_by_user ON events (project_id, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE event_buckets (
  project_id TEXT NOT NULL,
  minute INTEGER NOT NULL,             -- floor(received_at / 60 000)
  category TEXT NOT NULL,
  severity TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (project_id, minute, category, severity)
);

CREATE TABLE dropped_counts (
  project_id TEXT NOT NULL,
  minute INTEGER NOT NULL,
  reason TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (project_id, minute, reason)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  project_id TEXT NOT NULL,
  token_id TEXT NOT NULL,              -- a short hash of the read token, never the token
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (project_id, at);

UPDATE meta SET value = '2' WHERE key = 'schema_version';
