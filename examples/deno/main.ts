/**
 * What real Deno failures become: each is normalised into a FaultError and classified the way a
 * retry loop would decide, then `resilientFetch` retries a dead upstream and reports attempts.
 * Run: `npm run build && ./node_modules/.bin/deno run --allow-net=127.0.0.1 examples/deno/main.ts`
 */
import { FaultError, classify, constantBackoff, resilientFetch } from '../../dist/deno.js';

/** A loopback URL nothing listens on. */
function deadUrl(): string {
  const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return `http://127.0.0.1:${port}/`;
}

// Accepts connections at the kernel level but never answers: a request to it hangs.
const silent = Deno.listen({ hostname: '127.0.0.1', port: 0 });
const silentUrl = `http://127.0.0.1:${(silent.addr as Deno.NetAddr).port}/`;

const attempts = [
  () => fetch(deadUrl()),
  () => fetch(silentUrl, { signal: AbortSignal.timeout(20) }),
  () => Promise.resolve().then(() => JSON.parse('<!DOCTYPE html>')),
];

for (const attempt of attempts) {
  try {
    await attempt();
  } catch (thrown) {
    const { type, transient, retry } = classify(thrown);
    console.log(`${type.padEnd(24)} transient=${transient} retry=${retry}  ${String(thrown)}`);
  }
}

const api = resilientFetch({ retry: { attempts: 3, backoff: constantBackoff(50) } });
try {
  await api(deadUrl());
} catch (thrown) {
  const error = FaultError.from(thrown);
  const tried = (error.context.attempts as unknown[]).length;
  console.log(`${error.type.padEnd(24)} after ${tried} attempts  ${error.message}`);
}
silent.close();
