import type { ExecuteOptions, ExecutionContext } from './policy.js';

/** Called once when a context aborts. */
type AbortListener = (reason: unknown) => void;

const NOT_ABORTED: unique symbol = Symbol('not aborted');

/**
 * The {@link ExecutionContext} policies pass down. Cancellation travels through a chain of
 * these without allocating: an AbortController (and a listener on the parent) is made only
 * when somebody reads `signal`, which keeps composed policies cheap on the success path
 * (issue 3: retry + breaker + timeout within 600 ns).
 *
 * @internal
 */
export class CallContext implements ExecutionContext {
  readonly attempt: number;
  /** Whether anything can ever abort this context (else waiting on it is pointless). */
  readonly abortable: boolean;
  readonly #parent: CallContext | undefined;
  readonly #external: AbortSignal | undefined;
  #reason: unknown = NOT_ABORTED;
  #controller: AbortController | undefined;
  #listeners: AbortListener[] | undefined;
  #releaseParent: (() => void) | undefined;

  private constructor(
    parent: CallContext | undefined,
    external: AbortSignal | undefined,
    attempt: number,
    abortable: boolean,
  ) {
    this.#parent = parent;
    this.#external = external;
    this.attempt = attempt;
    this.abortable = abortable;
  }

  /**
   * The context for a call made with `options`: the caller's own context when an outer policy
   * passed one, else a root around the caller's signal (if any).
   */
  static of(options: ExecuteOptions | undefined): CallContext {
    if (options === undefined) return UNSIGNALLED;
    if (options instanceof CallContext) return options;
    const signal = options?.signal;
    return new CallContext(undefined, signal, 1, signal !== undefined);
  }

  /**
   * A context that aborts with this one; `ownAbort` says whether the policy making it may also
   * abort it on its own (a timeout does; a retry attempt does not).
   */
  child(ownAbort: boolean, attempt: number = this.attempt): CallContext {
    return new CallContext(this, undefined, attempt, ownAbort || this.abortable);
  }

  /** True once this context or an ancestor aborted. */
  get aborted(): boolean {
    if (this.#reason !== NOT_ABORTED) return true;
    if (this.#external !== undefined) return this.#external.aborted;
    return this.#parent?.aborted ?? false;
  }

  /** Why it aborted (`undefined` while not aborted). */
  get reason(): unknown {
    if (this.#reason !== NOT_ABORTED) return this.#reason;
    if (this.#external?.aborted) return this.#external.reason as unknown;
    return this.#parent?.reason;
  }

  get signal(): AbortSignal {
    if (this.#controller !== undefined) return this.#controller.signal;
    if (this.#external !== undefined && this.#reason === NOT_ABORTED) {
      // A root only relays the caller's signal until a policy aborts it on its own.
      return this.#external;
    }
    const controller = new AbortController();
    this.#controller = controller;
    if (this.aborted) controller.abort(this.reason);
    else this.#releaseParent = this.#watchAncestors((reason) => controller.abort(reason));
    return controller.signal;
  }

  /** Aborts this context (and every descendant) with `reason`; later calls do nothing. */
  abort(reason: unknown): void {
    if (this.#reason !== NOT_ABORTED) return;
    // An ancestor may have aborted first without our controller hearing of it yet (its
    // listener can be unlinked mid-dispatch): then its reason is ours.
    this.#reason = this.aborted ? this.reason : reason;
    this.#controller?.abort(this.#reason);
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners !== undefined) for (const listener of listeners) listener(reason);
  }

  /**
   * Calls `listener` once when this context or an ancestor aborts (at once if it already
   * did). Returns a function that removes the listener.
   */
  onAbort(listener: AbortListener): () => void {
    if (this.aborted) {
      listener(this.reason);
      return noop;
    }
    let called = false;
    const once: AbortListener = (reason) => {
      if (called) return;
      called = true;
      listener(reason);
    };
    (this.#listeners ??= []).push(once);
    const releaseAncestors = this.#watchAncestors(once);
    return () => {
      const own = this.#listeners;
      const index = own === undefined ? -1 : own.indexOf(once);
      if (index >= 0) own?.splice(index, 1);
      releaseAncestors();
    };
  }

  /**
   * Drops the links this context made to long-lived ancestors; call when the call it stands
   * for is over, so a signal shared by many calls does not collect one listener per call.
   */
  release(): void {
    this.#releaseParent?.();
    this.#releaseParent = undefined;
  }

  #watchAncestors(listener: AbortListener): () => void {
    const parent = this.#parent;
    if (parent !== undefined) return parent.onAbort(listener);
    const external = this.#external;
    if (external === undefined) return noop;
    const onAbort = (): void => listener(external.reason);
    external.addEventListener('abort', onAbort, { once: true });
    return () => external.removeEventListener('abort', onAbort);
  }
}

function noop(): void {}

/**
 * The root of every call made without options. Shared: nothing can abort it (policies only
 * abort the children they make), so one instance serves them all.
 */
const UNSIGNALLED: CallContext = /* @__PURE__ */ CallContext.of({});
