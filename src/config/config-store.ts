import type * as z from 'zod/mini';
import { FaultError } from '../errors/fault-error.js';
import { parseConfig } from './parse-config.js';

/** Holds a validated config and applies validated runtime updates. */
export interface ConfigStore<T> {
  /** The config in force. */
  get(): T;
  /**
   * Merges `patch` (one level deep for nested objects) into the current input and validates the
   * result; the old config stays in force when it fails.
   *
   * @throws FaultError `config_update_forbidden` (1401) when the patch touches a frozen key, or
   *   a config-family error listing every problem.
   */
  update(patch: Readonly<Record<string, unknown>>): T;
  /** Subscribes to successful updates; returns the unsubscribe function. */
  onChange(listener: (config: T) => void): () => void;
}

/**
 * Creates a config store from a zod schema and the initial input.
 *
 * @param frozenKeys - keys that cannot change at runtime (e.g. `endpoint`, `key`).
 * @throws FaultError of the config family when `initial` is invalid.
 * @example
 * const store = createConfigStore(clientConfigSchema, input, ['endpoint', 'key']);
 * store.update({ sampleRate: 0.5 });
 */
export function createConfigStore<S extends z.ZodMiniType>(
  schema: S,
  initial: unknown,
  frozenKeys: readonly string[] = [],
  subject = 'config',
): ConfigStore<z.output<S>> {
  let input = { ...(initial as Record<string, unknown>) };
  let current = parseConfig(schema, initial, subject);
  const listeners = new Set<(config: z.output<S>) => void>();
  return {
    get: () => current,
    update(patch) {
      const frozen = Object.keys(patch ?? {}).filter((k) => frozenKeys.includes(k));
      if (frozen.length > 0) {
        throw new FaultError(
          'config_update_forbidden',
          `Cannot change ${frozen.join(', ')} at runtime`,
          {
            context: { keys: frozen },
          },
        );
      }
      const next: Record<string, unknown> = { ...input };
      for (const [key, value] of Object.entries(patch ?? {})) {
        const before = next[key];
        const nested = isRecord(before) && isRecord(value);
        next[key] = nested ? { ...before, ...value } : value;
      }
      const parsed = parseConfig(schema, next, subject);
      input = next;
      current = parsed;
      for (const listener of listeners) {
        try {
          listener(parsed);
        } catch {
          // A faulty listener must not undo an update that has already taken effect.
        }
      }
      return parsed;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.prototype.toString.call(value) === '[object Object]'
  );
}
