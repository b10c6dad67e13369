/**
 * `init` of `faultline/browser` (SPEC §4): a capture client with the browser's parts plugged in —
 * the IndexedDB buffer shared by the page's tabs, one sending tab at a time, the page URL and
 * user agent on every event, the global error handlers, breadcrumbs, noise filters, and the
 * flushes of a page's life: at start-up, on `online`, and a beacon when the page hides.
 *
 * @module
 */
import type { Client } from '../../client/client-api.js';
import { createClient } from '../../client/client.js';
import { closingWith } from '../../client/closing-with.js';
import type { ClientOptions } from '../../client/client-options.js';
import { DEFAULT_SDK } from '../../transport/fetch-transport-options.js';
import { indexedDbBuffer } from './indexeddb-buffer.js';
import {
  browserNoise,
  clickBreadcrumbs,
  consoleBreadcrumbs,
  fetchBreadcrumbs,
  globalHandlers,
  navigationBreadcrumbs,
  xhrBreadcrumbs,
} from './integrations/index.js';
import { tabLeader } from './tab-leader.js';
import { listen } from '../listen.js';

/** Which browser integrations `init` installs; each defaults to on. */
export interface BrowserIntegrations {
  /** Capture uncaught errors and unhandled rejections. */
  readonly globalHandlers?: boolean;
  /** Breadcrumbs of console output. */
  readonly console?: boolean;
  /** Breadcrumbs of `fetch` requests (never the SDK's own). */
  readonly fetch?: boolean;
  /** Breadcrumbs of `XMLHttpRequest`s. */
  readonly xhr?: boolean;
  /** Breadcrumbs of clicks (the element, never input text). */
  readonly clicks?: boolean;
  /** Breadcrumbs of history navigations. */
  readonly navigation?: boolean;
}

/** Options of {@link init}: the client's, plus the browser's own. */
export interface BrowserOptions extends ClientOptions {
  /** Integrations to leave out, e.g. `{ console: false }`. Default: all on. */
  readonly integrations?: BrowserIntegrations | undefined;
  /** IndexedDB database of the buffer; tabs with the same name share it. Default `faultline`. */
  readonly databaseName?: string | undefined;
}

let current: { client: Client; uninstall: () => void } | undefined;

/**
 * Starts capturing in this page and returns the client. Calling it again closes the previous
 * client (its buffered events stay in IndexedDB for the new one) and starts afresh.
 *
 * @throws FaultError of the config family (1101–1203) listing every invalid option.
 * @example
 * import { init } from 'faultline/browser';
 * const faultline = init({ endpoint: 'https://errors.example.com', key: 'pk_live_…', release: '1.4.2' });
 * faultline.setUser({ id: account.id });
 */
export function init(options: BrowserOptions): Client {
  if (current !== undefined) {
    current.uninstall();
    void current.client.close(0);
  }
  const name = options.databaseName ?? 'faultline';
  const client = createClient({
    eventBuffer: (bounds) => indexedDbBuffer({ ...bounds, name }),
    gate: tabLeader({ name: `${name}:sender` }),
    origin: pageOrigin,
    sdk: { ...DEFAULT_SDK, name: 'faultline.browser' },
    ...options,
    noise: [...browserNoise, ...(options.noise ?? [])],
  });
  // After createClient: the transport holds the unwrapped fetch, so it never records itself.
  const on = { ...options.integrations };
  const uninstalls = [
    on.globalHandlers !== false && globalHandlers(client),
    on.console !== false && consoleBreadcrumbs(client),
    on.fetch !== false && fetchBreadcrumbs(client),
    on.xhr !== false && xhrBreadcrumbs(client),
    on.clicks !== false && clickBreadcrumbs(client),
    on.navigation !== false && navigationBreadcrumbs(client),
    pageLifecycle(client),
  ].filter((uninstall) => uninstall !== false);
  const uninstall = () => uninstalls.forEach((fn) => fn());
  const handle = closingWith(client, () => {
    uninstall();
    if (current?.client === handle) current = undefined;
  });
  current = { client: handle, uninstall };
  return handle;
}

/** The client `init` made last, until it is closed; `undefined` before `init`. */
export function getClient(): Client | undefined {
  return current?.client;
}

function pageOrigin() {
  return {
    url: globalThis.location?.href,
    userAgent: globalThis.navigator?.userAgent,
  };
}

/** Flushes on `online`; hands a beacon to the browser when the page hides. */
function pageLifecycle(client: Client): () => void {
  const hidden = () => {
    if (globalThis.document?.visibilityState !== 'visible') void client.beacon();
  };
  const offPage = listen(globalThis as Partial<EventTarget>, {
    online: () => void client.flush(),
    pagehide: hidden,
  });
  const offDocument = listen(globalThis.document, { visibilitychange: hidden });
  return () => {
    offPage();
    offDocument();
  };
}
