/**
 * The client's filters (SPEC §4): `ignoreErrors`, `allowUrls` / `denyUrls` and noise filters,
 * each a drop counted as `ignored`. They run on the built event, so they see the normalised
 * message and the parsed frames whatever was thrown.
 *
 * @module
 */
import type { WireEvent } from '../wire/event-schema.js';

/** A substring to look for, or a RegExp to test. */
export type Pattern = string | RegExp;

/** Decides whether an event is noise to leave out. */
export type EventFilter = (event: WireEvent) => boolean;

/** True when `text` contains a string pattern or matches a RegExp pattern. */
export function matchesAny(text: string, patterns: readonly Pattern[]): boolean {
  for (const pattern of patterns) {
    if (typeof pattern === 'string' ? text.includes(pattern) : testSafely(pattern, text)) {
      return true;
    }
  }
  return false;
}

function testSafely(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0; // a global or sticky RegExp keeps state between calls
  return pattern.test(text);
}

/** The file of the most recent frame that has one: where the error was thrown. */
export function topFile(event: WireEvent): string | undefined {
  for (const frame of event.frames ?? []) if (frame.file !== undefined) return frame.file;
  return undefined;
}

/** The filters of a client config. */
export interface FilterSettings {
  readonly ignoreErrors: readonly Pattern[];
  readonly allowUrls: readonly Pattern[];
  readonly denyUrls: readonly Pattern[];
  readonly noise: readonly EventFilter[];
}

/**
 * True when the event should be left out: its message (alone or as `Name: message`) matches
 * `ignoreErrors`, its top frame's file is outside `allowUrls` or inside `denyUrls`, or a noise
 * filter claims it. An event without a file passes the URL filters.
 *
 * @example
 * isFilteredOut(event, { ignoreErrors: [/^ResizeObserver/], allowUrls: [], denyUrls: [], noise: [] });
 */
export function isFilteredOut(event: WireEvent, settings: FilterSettings): boolean {
  const { ignoreErrors, allowUrls, denyUrls, noise } = settings;
  if (ignoreErrors.length > 0) {
    const named = event.name === undefined ? event.message : `${event.name}: ${event.message}`;
    if (matchesAny(event.message, ignoreErrors) || matchesAny(named, ignoreErrors)) return true;
  }
  if (allowUrls.length > 0 || denyUrls.length > 0) {
    const file = topFile(event);
    if (file !== undefined) {
      if (allowUrls.length > 0 && !matchesAny(file, allowUrls)) return true;
      if (matchesAny(file, denyUrls)) return true;
    }
  }
  for (const filter of noise) if (filter(event)) return true;
  return false;
}
