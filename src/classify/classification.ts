import type { Category, ErrorType, RetryHint, Severity } from '../errors/taxonomy.js';

/** What to tell the person using the app, if anything. */
export interface UserNotification {
  /** Whether the UI should surface this error to the user at all. */
  readonly show: boolean;
  /** A sentence safe to show: no internals, no data. */
  readonly message: string;
}

/** The result of `classify()`: where an error sits in the taxonomy and what to do about it. */
export interface Classification {
  readonly type: ErrorType;
  readonly code: number;
  readonly category: Category;
  readonly subcategory: string;
  readonly severity: Severity;
  /** True exactly when `retry` is not `no_retry`. */
  readonly transient: boolean;
  readonly retry: RetryHint;
  readonly userNotification: UserNotification;
}
