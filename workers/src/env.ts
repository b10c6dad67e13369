import type { IngestLimiter } from './objects/ingest-limiter.js';

/** Bindings of the collector Worker (see wrangler.jsonc). */
export interface Env {
  /** Events, issues, buckets, audit log and collector metadata. */
  readonly DB: D1Database;
  /** One Durable Object per project: counts ingested events against the project's rate. */
  readonly INGEST_LIMITER: DurableObjectNamespace<IngestLimiter>;
  /**
   * The projects as JSON (`{ "projects": [...] }`, see config/projects.ts). A wrangler secret in
   * real deployments; absent locally, where the demo project is used.
   */
  readonly FAULTLINE_PROJECTS?: string;
  /** `development` (wrangler.jsonc) or `production` (set by `npm run deploy`): production never serves the demo project. */
  readonly FAULTLINE_ENV?: string;
}
