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
  /**
   * The port `npm start` serves the demo page on when it is not 8787 (`PORT`): the demo project
   * then allows that port's loopback origins instead. Ignored when projects are configured.
   */
  readonly FAULTLINE_DEMO_PORT?: string;
}
