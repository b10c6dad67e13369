// What the Chromium end-to-end suite does in and to a page that loads the standalone bundle.
import { gunzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';

/** The page's `window`: the bundle's exports as `faultline`. */
export type BundleWindow = { faultline: typeof import('../../src/standalone.js') };

/** `n` in letters (a, b, … z, ba, bb…): numbers would group into one issue (SPEC §2). */
export const letters = (n: number) =>
  n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)));

/**
 * Captures `count` errors that group apart (`word` plus n in letters), each carrying secrets,
 * and waits until the buffer holds them; returns their ids.
 */
export async function capture(
  page: Page,
  word: string,
  from: number,
  count: number,
): Promise<string[]> {
  const messages = Array.from({ length: count }, (_, k) => `${word} ${letters(from + k)} for`);
  return page.evaluate(async (messages) => {
    const { faultline } = window as unknown as BundleWindow;
    const ids = messages.map((message) =>
      faultline.captureException(
        new Error(`${message} jane.doe@example.com card 4111 1111 1111 1111`),
        { context: { password: 'hunter2', session: 'Bearer abc.def.ghi' } },
      ),
    );
    await faultline.getClient()!.status(); // the buffer's writes are queued before its reads
    return ids as string[];
  }, messages);
}

export const status = (page: Page) =>
  page.evaluate(() => (window as unknown as BundleWindow).faultline.getClient()!.status());

/** Every buffered record of the page's IndexedDB buffer, as JSON text. */
export const storedJson = (page: Page, name = 'faultline') =>
  page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return { count: all.length, json: JSON.stringify(all) };
  }, name);

/** The batch a request carried. */
export function batchOf(request: Request): {
  events: { id: string }[];
  dropped?: Record<string, number>;
} {
  const body = request.postDataBuffer() ?? Buffer.alloc(0);
  const gzip = request.headers()['content-encoding'] === 'gzip';
  return JSON.parse((gzip ? gunzipSync(body) : body).toString('utf8'));
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
