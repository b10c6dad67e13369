// Issue #2 benchmark: the whole normalise pipeline (FaultError.from → classify → parseStack →
// fingerprint → scrub → toJSON) per error, beside Sentry's event pipeline (default init, no-op
// transport) and the floor (new Error + .stack + JSON.stringify), all in this one run.
import * as Sentry from '@sentry/browser';
import { FaultError, classify, createScrubber, fingerprint } from '../../dist/index.js';
import { measure, report } from './harness.mjs';

const MESSAGES = [
  (i) => `Cannot read properties of undefined (reading 'item${i % 7}')`,
  (i) => `Request failed with status code 50${i % 4} for user bob${i}@example.com`,
  (i) => `Unexpected token '<', "<!DOCTYPE "... is not valid JSON (request ${i})`,
  (i) => `Failed to fetch /api/cart/${i}?token=abc${i}`,
];

// A realistic depth: the error is made ten calls below the caller.
function nest(depth, make) {
  return depth === 0 ? make() : nest(depth - 1, make);
}
function makeError(i) {
  const message = MESSAGES[i % MESSAGES.length](i);
  return nest(8, () => {
    const error = i % 4 === 0 ? new TypeError(message) : new Error(message);
    if (i % 4 === 1)
      Object.assign(error, {
        status: 500 + (i % 4),
        config: { headers: { authorization: 'Bearer x' } },
      });
    return error;
  });
}

const scrubber = createScrubber();
let i = 0;

function floor() {
  const error = makeError(i++);
  return JSON.stringify({ message: error.message, stack: error.stack });
}

// A capture pipeline owns the event toJSON() returns and fills in the fingerprint. (Spreading it
// into a new literal with the fingerprint instead costs about 0.4 µs more per event in Node 20:
// V8 takes a slow path to add a property to an object made by spreading.)
function faultline() {
  const error = FaultError.from(makeError(i++));
  classify(error);
  const frames = error.frames;
  const event = error.toJSON();
  event.fingerprint = fingerprint({ type: error.type, message: error.message, frames });
  return JSON.stringify(scrubber(event));
}

let sentryDone;
Sentry.init({
  dsn: 'https://public@o0.ingest.sentry.io/0',
  transport: () => ({ send: async () => ({}), flush: async () => true }),
  beforeSend(event) {
    sentryDone?.();
    return event;
  },
});
function sentry() {
  return new Promise((resolve) => {
    sentryDone = resolve;
    Sentry.captureException(makeError(i++));
  });
}

const results = await measure({
  'floor: new Error + .stack + JSON.stringify': floor,
  'faultline pipeline': faultline,
  'sentry captureException (default init)': sentry,
});
report(
  'Error pipeline, per event (Node ' + process.version + ')',
  results,
  'floor: new Error + .stack + JSON.stringify',
);
const ours = results['faultline pipeline'].nsPerOp;
console.log(
  `  faultline / floor cost: ${(ours / results['floor: new Error + .stack + JSON.stringify'].nsPerOp).toFixed(2)}x (target ≤ 2x)`,
);
console.log(
  `  sentry / faultline cost: ${(results['sentry captureException (default init)'].nsPerOp / ours).toFixed(2)}x (target ≥ 4x)`,
);
