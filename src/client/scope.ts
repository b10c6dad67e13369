/**
 * What the client attaches to every event: the user, tags, named contexts and the breadcrumb
 * trail (SPEC §4 `setUser`, `setTags`, `setContext`, `addBreadcrumb`). Values are stored as the
 * caller gave them and bounded and scrubbed with the event, so a secret set here never reaches
 * the buffer either.
 *
 * @module
 */
import { createBreadcrumbRing, type Breadcrumb } from '../context/breadcrumbs.js';
import type { Clock } from '../runtime/clock.js';
import { WIRE_LIMITS as L } from '../wire/limits.js';
import { toPlainData, truncate } from '../wire/to-plain-data.js';
import { crumbLevelOf, recordOf, timestampOf } from './loose-input.js';

/** The user an event happened to: plain data, e.g. `{ id, segment }`. */
export type User = Readonly<Record<string, unknown>>;

/** A breadcrumb as callers add it; `timestamp` defaults to now. */
export type BreadcrumbInput = Omit<Breadcrumb, 'timestamp'> & { readonly timestamp?: number };

/** The scope's part of a wire event. */
export interface ScopeFields {
  user?: Record<string, unknown>;
  tags?: Record<string, string>;
  context?: Record<string, unknown>;
  breadcrumbs?: Breadcrumb[];
}

/** Mutable per-client state merged into each event. */
export class Scope {
  #user: User | undefined;
  #tags: Record<string, string> = {};
  #contexts: Record<string, unknown> = {};
  readonly #crumbs;
  readonly #clock: Clock;

  constructor(maxBreadcrumbs: number, clock: Clock) {
    this.#crumbs = maxBreadcrumbs > 0 ? createBreadcrumbRing(maxBreadcrumbs) : undefined;
    this.#clock = clock;
  }

  /**
   * A scope of its own for one unit of work (a request): this scope's user, tags and contexts
   * as they are now, an empty breadcrumb trail; what is set on either later stays there.
   */
  fork(): Scope {
    const child = new Scope(this.#crumbs?.capacity ?? 0, this.#clock);
    child.#user = this.#user;
    child.#tags = { ...this.#tags };
    child.#contexts = { ...this.#contexts };
    return child;
  }

  /** Sets the user, as a snapshot of plain data (`null`, or anything but an object, forgets it). */
  setUser(user: User | null): void {
    this.#user = recordOf(user);
  }

  /** Merges tags; a tag set to `undefined` or `null` is removed. Values become strings. */
  setTags(tags: Readonly<Record<string, unknown>>): void {
    for (const [key, value] of Object.entries(tags)) {
      if (value === undefined || value === null) delete this.#tags[key];
      else this.#tags[truncate(key, L.tagKeyLength)] = truncate(String(value), L.tagValueLength);
    }
  }

  /** Sets one named context (`null` removes it). */
  setContext(name: string, context: unknown): void {
    if (context === null || context === undefined) delete this.#contexts[name];
    else this.#contexts[name] = context;
  }

  /**
   * Adds a breadcrumb, evicting the oldest when the trail is full. Made valid for the wire and
   * bounded as it comes in, once, rather than for every event it joins (see `loose-input.ts`):
   * one bad breadcrumb would otherwise spoil every event until it leaves the trail.
   */
  addBreadcrumb(crumb: BreadcrumbInput): void {
    if (this.#crumbs === undefined) return;
    const { category, message, data } = crumb;
    const level = crumbLevelOf(crumb.level);
    const out: Breadcrumb = {
      timestamp: timestampOf(crumb.timestamp, this.#clock.now()),
      category: truncate(
        typeof category === 'string' ? category : String(category ?? 'default'),
        L.nameLength,
      ),
      ...(message !== undefined && { message: truncate(String(message), L.messageLength) }),
      ...(level !== undefined && { level }),
      ...(data !== undefined && { data: recordOf(data) ?? { value: toPlainData(data) } }),
    };
    this.#crumbs.add(out);
  }

  /**
   * The fields for an event, with per-event `tags` and `context` layered over the scope's.
   * Tags past the wire's count limit are left out (the first ones win).
   */
  fields(tags?: Readonly<Record<string, unknown>>, context?: unknown): ScopeFields {
    const out: ScopeFields = {};
    if (this.#user !== undefined) out.user = { ...this.#user };
    const merged = { ...this.#tags };
    const extra = recordOf(tags);
    if (extra !== undefined) {
      for (const [key, value] of Object.entries(extra)) {
        if (value !== undefined && value !== null) merged[key] = String(value);
      }
    }
    const keys = Object.keys(merged);
    if (keys.length > 0) {
      out.tags = {};
      for (const key of keys.slice(0, L.tags)) {
        out.tags[truncate(key, L.tagKeyLength)] = truncate(merged[key]!, L.tagValueLength);
      }
    }
    if (Object.keys(this.#contexts).length > 0 || context !== undefined) {
      out.context = { ...this.#contexts };
      if (context !== undefined) {
        Object.assign(out.context, recordOf(context) ?? { value: toPlainData(context) });
      }
    }
    if (this.#crumbs !== undefined && this.#crumbs.size > 0)
      out.breadcrumbs = this.#crumbs.toArray();
    return out;
  }
}
