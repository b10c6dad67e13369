/**
 * Classifies what a real Deno fetch throws, the way a retry loop would decide.
 * Run: `npm run build && ./node_modules/.bin/deno run --allow-net=127.0.0.1 examples/deno/main.ts`
 */
import { FaultError, classify } from '../../dist/deno.js';

const attempts = [
  () => fetch('http://127.0.0.1:9/'),
  () => fetch('http://127.0.0.1:9/', { signal: AbortSignal.timeout(0) }),
  () => Promise.resolve().then(() => JSON.parse('<!DOCTYPE html>')),
];

for (const attempt of attempts) {
  try {
    await attempt();
  } catch (thrown) {
    const error = FaultError.from(thrown);
    const { type, transient, retry } = classify(error);
    console.log(`${type.padEnd(24)} transient=${transient} retry=${retry}  ${error.message}`);
  }
}
