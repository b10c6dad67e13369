/**
 * `faultline/deno` against the collector of `npm start`: a handled error is captured with a
 * tag, then an uncaught one is held, flushed, and the script exits 1 — both are in
 * http://127.0.0.1:8787/ afterwards. Another collector: `FAULTLINE_ENDPOINT=http://…`.
 * Run: `npm run build && ./node_modules/.bin/deno run --allow-net=127.0.0.1 --allow-env examples/deno/capture.ts`
 */
import { init } from '../../dist/deno.js';

const faultline = init({
  endpoint: Deno.env.get('FAULTLINE_ENDPOINT') ?? 'http://127.0.0.1:8787',
  key: Deno.env.get('FAULTLINE_KEY') ?? 'demo-public-key',
  release: 'deno-example@0.1.0',
});

try {
  JSON.parse('<!DOCTYPE html>');
} catch (error) {
  faultline.captureException(error, { tags: { step: 'parse-config' } });
}

// Uncaught: the handler holds the exit, flushes both events, then exits with code 1.
setTimeout(() => {
  throw new TypeError('Deno example: the uncaught one');
});
