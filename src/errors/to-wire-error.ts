import { failureType } from '../classify/failure-type.js';
import { parseStack } from '../stack/parse-stack.js';
import type { StackFrame } from '../stack/stack-frame.js';
import type { WireCause, WireEvent, WireFrame } from '../wire/event-schema.js';
import { WIRE_LIMITS as L } from '../wire/limits.js';
import { toPlainData, truncate } from '../wire/to-plain-data.js';
import type { FaultError } from './fault-error.js';
import { isFaultError } from './is-fault-error.js';
import { readSafely, readString } from './read-safely.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The bounded wire form (SPEC §6) of a FaultError: what `FaultError#toJSON` returns. Every
 * string is cut to its wire limit and the cause chain to {@link L.causes} links, cycles
 * stopped, so a hostile error cannot blow up memory.
 */
export function toWireError(error: FaultError): WireEvent {
  const event: Mutable<WireEvent> = {
    id: error.id,
    timestamp: error.timestamp,
    type: error.type,
    code: error.code,
    category: error.category,
    subcategory: error.subcategory,
    severity: error.severity,
    message: truncate(error.message, L.messageLength),
    name: truncate(error.originalName ?? error.name, L.nameLength),
  };
  // Parsed frames replace the raw stack on the wire (half the bytes to scrub and send); the raw
  // text goes only when no frame could be read from it, so nothing is lost.
  const frames = boundFrames(error.frames);
  if (frames.length > 0) event.frames = frames;
  else if (error.stack !== undefined && hasFrameText(error.stack, error.message)) {
    event.stack = truncate(error.stack, L.stackLength);
  }
  if (error.cause !== undefined) {
    const causes = collectCauses(error.cause, error);
    if (causes.length > 0) event.causes = causes;
  }
  if (error.correlationId !== undefined) {
    event.correlationId = truncate(error.correlationId, L.idLength);
  }
  if (Object.keys(error.context).length > 0) {
    event.context = toPlainData(error.context) as Record<string, unknown>;
  }
  return event;
}

/** Frames cut to the wire limits: at most 100, fields at most 1024 characters. */
export function boundFrames(frames: readonly StackFrame[]): WireFrame[] {
  const count = Math.min(frames.length, L.frames);
  const out: WireFrame[] = [];
  for (let i = 0; i < count; i++) {
    const frame = frames[i]!;
    const copy: Mutable<WireFrame> = {};
    if (frame.function !== undefined) copy.function = truncate(frame.function, L.frameFieldLength);
    if (frame.file !== undefined) copy.file = truncate(frame.file, L.frameFieldLength);
    if (frame.line !== undefined) copy.line = frame.line;
    if (frame.column !== undefined) copy.column = frame.column;
    out.push(copy);
  }
  return out;
}

function collectCauses(first: unknown, head: object): WireCause[] {
  const causes: WireCause[] = [];
  const seen = new Set<unknown>([head]);
  for (let cause = first; cause !== undefined && causes.length < L.causes;) {
    if (seen.has(cause)) break;
    seen.add(cause);
    causes.push(describeCause(cause));
    cause = readSafely(cause, 'cause');
  }
  return causes;
}

function describeCause(cause: unknown): WireCause {
  const fault = isFaultError(cause);
  const name = fault
    ? (readString(cause, 'originalName') ?? 'FaultError')
    : (readString(cause, 'name') ?? typeof cause);
  const message = readString(cause, 'message') ?? (typeof cause === 'string' ? cause : '');
  const out: Mutable<WireCause> = {
    type: fault ? cause.type : failureType(cause),
    name: truncate(name, L.nameLength),
    message: truncate(message, L.messageLength),
  };
  const stack = readString(cause, 'stack');
  if (stack !== undefined) {
    const frames = boundFrames(parseStack(stack));
    if (frames.length > 0) out.frames = frames;
  }
  return out;
}

/** True when `stack` says more than the `Name: message` header every error has. */
function hasFrameText(stack: string, message: string): boolean {
  const header = stack.indexOf(message);
  return stack.length > (header >= 0 ? header + message.length : 0) + 1;
}
