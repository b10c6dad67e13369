/**
 * Classification: where a thrown value sits in the taxonomy, whether it is transient, and what
 * to tell the user.
 *
 * @module
 */
export { classify, MAX_CAUSE_DEPTH } from './classify.js';
export type { Classification, UserNotification } from './classification.js';
export {
  defineRule,
  type ClassificationRule,
  type RuleCondition,
  type StatusRange,
} from './rule.js';
export { failureType, isTransientFailure } from './failure-type.js';
