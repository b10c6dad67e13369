import { systemClock, type Clock } from '../runtime/clock.js';
import { createId, randomHex } from '../runtime/random-id.js';
import { createBreadcrumbRing, type Breadcrumb, type BreadcrumbRing } from './breadcrumbs.js';
import { formatTraceparent, parseTraceparent } from './traceparent.js';

/** Options of {@link createContext}. */
export interface ContextOptions {
  /** Name of the operation, e.g. `'checkout'`. Default `'operation'`. */
  readonly name?: string;
  /** Continue this trace: an incoming `traceparent` header. Default: start a new trace. */
  readonly traceparent?: string | null;
  /** Plain data describing the operation; a child's is merged over its parent's. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Most breadcrumbs kept per context. Default 100. */
  readonly maxBreadcrumbs?: number;
  /** Time source. Default: the system clock. */
  readonly clock?: Clock;
}

/** One unit of work: carries ids, breadcrumbs and metadata, passed explicitly (no ALS). */
export interface OperationContext {
  readonly name: string;
  /** Unique id of this operation. */
  readonly operationId: string;
  /** W3C trace id (32 hex); children share their parent's. */
  readonly correlationId: string;
  /** This operation's span id (16 hex), sent as the parent in `traceparent`. */
  readonly spanId: string;
  readonly parent: OperationContext | undefined;
  /** The sampled flag carried in `traceparent`. */
  readonly sampled: boolean;
  /** Merged metadata: the parent's, overridden by this context's own. */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** `clock.monotonic()` when the context was created. */
  readonly startedAt: number;
  readonly clock: Clock;
  /** Adds a breadcrumb (timestamp filled in when missing). */
  addBreadcrumb(breadcrumb: Omit<Breadcrumb, 'timestamp'> & { timestamp?: number }): void;
  /** This context's breadcrumbs after its ancestors', oldest first, at most `maxBreadcrumbs`. */
  breadcrumbs(): Breadcrumb[];
  /** A child operation in the same trace. */
  child(options?: Omit<ContextOptions, 'traceparent' | 'clock'>): OperationContext;
  /** The `traceparent` header for requests made inside this operation. */
  traceparent(): string;
}

/**
 * Creates an operation context, continuing the caller's trace when given a `traceparent`.
 *
 * @example
 * const ctx = createContext({ name: 'checkout', traceparent: request.headers.get('traceparent') });
 * ctx.addBreadcrumb({ category: 'cart', message: 'loaded 3 items' });
 * await fetch(url, { headers: { traceparent: ctx.traceparent() } });
 */
export function createContext(options: ContextOptions = {}): OperationContext {
  const incoming = parseTraceparent(options.traceparent);
  return build(options, undefined, incoming?.traceId ?? randomHex(16), incoming?.sampled ?? true);
}

function build(
  options: Omit<ContextOptions, 'traceparent'>,
  parent: OperationContext | undefined,
  correlationId: string,
  sampled: boolean,
): OperationContext {
  const clock = options.clock ?? parent?.clock ?? systemClock;
  const limit = options.maxBreadcrumbs ?? 100;
  const ring: BreadcrumbRing = createBreadcrumbRing(limit);
  const context: OperationContext = {
    name: options.name ?? 'operation',
    operationId: createId(),
    correlationId,
    spanId: randomHex(8),
    parent,
    sampled,
    metadata: { ...parent?.metadata, ...options.metadata },
    startedAt: clock.monotonic(),
    clock,
    addBreadcrumb(breadcrumb) {
      ring.add({ ...breadcrumb, timestamp: breadcrumb.timestamp ?? clock.now() });
    },
    breadcrumbs() {
      const own = ring.toArray();
      return [...(parent?.breadcrumbs() ?? []), ...own].slice(-limit);
    },
    child(childOptions = {}) {
      return build(
        { maxBreadcrumbs: limit, ...childOptions, clock },
        context,
        correlationId,
        sampled,
      );
    },
    traceparent() {
      return formatTraceparent({ traceId: correlationId, spanId: context.spanId, sampled });
    },
  };
  return context;
}
