/**
 * The capture client (SPEC §4): `createClient` and its parts.
 *
 * @module
 */
export { createClient } from './client.js';
export type { Client, ClientStatus } from './client-api.js';
export type { ClientScope } from './client-scope.js';
export type { ClientOptions } from './client-options.js';
export type { CaptureHint } from './capture-hint.js';
export type { BreadcrumbInput, User } from './scope.js';
export type { EventOrigin } from './build-event.js';
export { isFilteredOut, matchesAny, topFile, type EventFilter, type Pattern } from './filters.js';
export { ALWAYS_SEND, type SendGate } from './send-gate.js';
export type { FlushReport } from './delivery.js';
