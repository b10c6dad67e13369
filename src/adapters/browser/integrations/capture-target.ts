/**
 * What the browser integrations report to, and the guarded way they add breadcrumbs.
 *
 * @module
 */
import type { Client } from '../../../client/client-api.js';
import type { BreadcrumbInput } from '../../../client/scope.js';

/** What integrations report to: a {@link Client}, or anything with its two capture methods. */
export type CaptureTarget = Pick<Client, 'captureException' | 'addBreadcrumb'>;

/** Adds breadcrumbs until switched off; a failing target never throws into user code. */
export interface BreadcrumbSink {
  /**
   * Adds the breadcrumb `make` builds (none when it returns `undefined`); while the sink is off,
   * `make` is not called.
   */
  add(make: () => BreadcrumbInput | undefined): void;
  /** Stops adding: calls through a wrapper someone else kept record nothing more. */
  off(): void;
}

/**
 * A sink over `client.addBreadcrumb`. Integrations call it from inside user code (a `fetch`, a
 * `console.log`), so whatever building the breadcrumb or the target throws is swallowed here.
 *
 * @example
 * const sink = breadcrumbSink(client);
 * sink.add(() => ({ category: 'ui.click', message: 'button#buy' }));
 * sink.off();
 */
export function breadcrumbSink(client: CaptureTarget): BreadcrumbSink {
  let on = true;
  return {
    add(make) {
      try {
        const crumb = on ? make() : undefined;
        if (crumb) client.addBreadcrumb(crumb);
      } catch {
        // the SDK's failure must not become the page's
      }
    },
    off: () => void (on = false),
  };
}
