/** A running collector serving one project whose page origin is its own. */
export interface CollectorProcess {
  readonly base: string;
  readonly key: string;
  readonly readToken: string;
  /** `GET /v1/issues` with the read token, filtered by the text `q`. */
  issues(q: string): Promise<{ title: string; count: number }[]>;
  /** Stops the process and deletes its state. */
  stop(): void;
}

/** Starts the collector on `port` and waits for `/health`. */
export declare function startCollector(
  port: number,
  options?: { ingestPerMinute?: number },
): Promise<CollectorProcess>;

/** A page at the collector's origin that loads the standalone bundle as `window.faultline`. */
export declare const BUNDLE_PAGE: string;
