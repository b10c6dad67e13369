import { BUILTIN_ERROR_TYPES, type ErrorTypeDefinition } from './taxonomy.js';

const byType = new Map<string, ErrorTypeDefinition>();
const byCode = new Map<number, ErrorTypeDefinition>();

for (const definition of Object.values(BUILTIN_ERROR_TYPES)) {
  byType.set(definition.type, definition);
  byCode.set(definition.code, definition);
}

/** The `unknown` row (9999): what anything unrecognised becomes. */
export const UNKNOWN_TYPE: ErrorTypeDefinition = BUILTIN_ERROR_TYPES.unknown;

/**
 * Looks up a taxonomy row by type name or code, built-in or registered.
 *
 * @example
 * lookupErrorType('timeout')?.code; // 4301
 * lookupErrorType(4101)?.type; // 'network_error'
 */
export function lookupErrorType(typeOrCode: string | number): ErrorTypeDefinition | undefined {
  return typeof typeOrCode === 'number' ? byCode.get(typeOrCode) : byType.get(typeOrCode);
}

/** Like {@link lookupErrorType}, but falls back to the `unknown` row. */
export function resolveErrorType(typeOrCode: string | number): ErrorTypeDefinition {
  return lookupErrorType(typeOrCode) ?? UNKNOWN_TYPE;
}

/** Every row, built-in and registered, in registration order. */
export function listErrorTypes(): readonly ErrorTypeDefinition[] {
  return [...byType.values()];
}

/** Adds a validated row. Only `defineErrorType` calls this, after its checks. */
export function addErrorType(definition: ErrorTypeDefinition): void {
  byType.set(definition.type, definition);
  byCode.set(definition.code, definition);
}
