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
import { truncate } from '../wire/to-plain-data.js';

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

  /** Sets the user (`null` forgets it). */
  setUser(user: User | null): void {
    this.#user = user ?? undefined;
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

  /** Adds a breadcrumb, evicting the oldest when the trail is full. */
  addBreadcrumb(crumb: BreadcrumbInput): void {
    this.#crumbs?.add({ ...crumb, timestamp: crumb.timestamp ?? this.#clock.now() });
  }

  /**
   * The fields for an event, with per-event `tags` and `context` layered over the scope's.
   * Tags past the wire's count limit are left out (the first ones win).
   */
  fields(tags?: Readonly<Record<string, unknown>>, context?: unknown): ScopeFields {
    const out: ScopeFields = {};
    if (this.#user !== undefined) out.user = { ...this.#user };
    const merged = { ...this.#tags };
    if (tags !== undefined) {
      for (const [key, value] of Object.entries(tags)) {
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
      if (context !== undefined)
        Object.assign(out.context, isRecord(context) ? context : { value: context });
    }
    if (this.#crumbs !== undefined && this.#crumbs.size > 0)
      out.breadcrumbs = this.#crumbs.toArray();
    return out;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
