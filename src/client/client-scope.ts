/**
 * The part of a client that captures and keeps a scope (user, tags, contexts, breadcrumbs):
 * the client itself, and each of its forks (`client.fork()`), which share its pipeline but not
 * its scope, so that concurrent requests in one Worker isolate never lend each other a user, a
 * tag or a breadcrumb.
 *
 * @module
 */
import { FaultError } from '../errors/fault-error.js';
import type { Severity } from '../errors/taxonomy.js';
import type { Clock } from '../runtime/clock.js';
import { mergeHints, type CaptureHint } from './capture-hint.js';
import type { BreadcrumbInput, Scope, User } from './scope.js';

/** Captures and a scope: what a client and its forks offer alike. */
export interface ClientScope {
  /**
   * Captures anything thrown. Returns the event id, or `undefined` when the event was left out
   * (filtered, sampled, dropped by `beforeSend`, client closed) or folded into a repeat. The
   * same error object captured again (caught, captured and re-thrown) makes no second event:
   * the id of its first capture is returned. Never throws.
   */
  captureException(error: unknown, hint?: CaptureHint): string | undefined;
  /** Captures a message (severity `info` unless given). Never throws. */
  captureMessage(message: string, hint?: CaptureHint | Severity): string | undefined;
  /** Records what happened before an error. */
  addBreadcrumb(breadcrumb: BreadcrumbInput): void;
  /** Sets the user attached to later events; `null` forgets it. */
  setUser(user: User | null): void;
  /** Merges tags attached to later events; a `null` value removes a tag. */
  setTags(tags: Readonly<Record<string, unknown>>): void;
  /** Sets a named context attached to later events; `null` removes it. */
  setContext(name: string, context: unknown): void;
}

/** How a client captures into a given scope (see `createClient`). */
export type CaptureInto = (thrown: unknown, hint: CaptureHint, scope: Scope) => string | undefined;

/**
 * The {@link ClientScope} over `scope`: captures go through `capture` with `defaults` under
 * each hint; a message that cannot be made into text is counted through `invalid`.
 *
 * @example
 * const api = clientScope(scope.fork(), capture, { url: request.url }, clock, () => drop('invalid'));
 */
export function clientScope(
  scope: Scope,
  capture: CaptureInto,
  defaults: CaptureHint | undefined,
  clock: Clock,
  invalid: () => void,
): ClientScope {
  const hinted = (hint: CaptureHint) =>
    defaults === undefined ? hint : mergeHints(defaults, hint);
  return {
    captureException: (error, hint) => capture(error, hinted(hint ?? {}), scope),
    captureMessage(message, hint) {
      try {
        const given = typeof hint === 'string' ? { severity: hint } : (hint ?? {});
        const error = new FaultError('unknown', String(message), { captureStack: false, clock });
        const event = Object.assign(error, { originalName: 'Message' });
        return capture(event, hinted({ severity: 'info', ...given }), scope);
      } catch {
        invalid(); // a message whose toString throws
        return undefined;
      }
    },
    addBreadcrumb: (crumb) => guard(() => scope.addBreadcrumb(crumb)),
    setUser: (user) => guard(() => scope.setUser(user)),
    setTags: (tags) => guard(() => scope.setTags(tags)),
    setContext: (name, context) => guard(() => scope.setContext(name, context)),
  };
}

function guard(action: () => void): void {
  try {
    action();
  } catch {
    // a malformed argument (null tags, a hostile breadcrumb) must not throw into the app
  }
}
