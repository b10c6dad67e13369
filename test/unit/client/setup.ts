// A capture client wired to a fake collector and manual time, for the client suites.
import { createClient } from '../../../src/client/client.js';
import type { ClientOptions } from '../../../src/client/client-options.js';
import { manualTime } from '../../support/manual-time.js';
import { accept, fakeCollector, type Answer } from '../transport/fake-collector.js';

export const ENDPOINT = 'https://collector.example.com';

/** A client posting to a fake collector that answers with `script` (default: accept all). */
export function clientSetup(
  options: Partial<ClientOptions> = {},
  script: Answer[] | Answer = [accept()],
) {
  const time = manualTime();
  const collector = fakeCollector(script);
  const client = createClient({
    endpoint: ENDPOINT,
    key: 'public-key-1',
    release: 'shop@1.2.3',
    environment: 'test',
    fetch: collector.fetch,
    clock: time.clock,
    timers: time.timers,
    random: () => 0.5,
    ...options,
  });
  const events = () => collector.seen.flatMap((request) => request.batch.events);
  const occurrences = () => events().reduce((sum, e) => sum + (e.occurrences ?? 1), 0);
  return { time, collector, client, events, occurrences };
}

/** An Error thrown `depth` calls deep at a distinct site per `site`, with a realistic stack. */
export function errorAt(site: number, message = `failure ${site}`): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}\n    at handler${site} (https://shop.example/static/app.js:${10 + site}:5)\n    at main (https://shop.example/static/app.js:2:1)`;
  return error;
}
