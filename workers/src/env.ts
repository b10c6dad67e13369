/** Bindings of the collector Worker (see wrangler.jsonc). */
export interface Env {
  /** Events, issues and collector metadata. */
  readonly DB: D1Database;
}
