export { FaultError, type FaultErrorOptions } from './fault-error.js';
export type { FromOptions } from './describe-thrown.js';
export { isFaultError } from './is-fault-error.js';
export { defineErrorType, type ErrorTypeInput } from './define-error-type.js';
export { lookupErrorType, resolveErrorType, listErrorTypes } from './registry.js';
export {
  BUILTIN_ERROR_TYPES,
  CATEGORY_DIGIT,
  type BuiltinErrorType,
  type Category,
  type ErrorType,
  type ErrorTypeDefinition,
  type RetryHint,
  type Severity,
} from './taxonomy.js';
