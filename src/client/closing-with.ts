/**
 * The runtime entries' clients: a client whose `close` first removes what the entry installed.
 *
 * @module
 */
import type { Client } from './client-api.js';

/**
 * Returns `client` with a `close` that runs `teardown` (the entry's handlers and integrations
 * come off at once), then closes the client.
 *
 * @example
 * const handle = closingWith(client, () => removeEventListener('error', onError));
 * await handle.close(); // no handler left behind
 */
export function closingWith(client: Client, teardown: () => void): Client {
  const close = client.close;
  return {
    ...client,
    close(timeoutMs) {
      teardown();
      return close(timeoutMs);
    },
  };
}
