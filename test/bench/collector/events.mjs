// Realistic ingest batches for the collector benchmark: browser errors as the built SDK turns
// them into wire events (FaultError.from parsing a V8 stack of a bundled, minified app: ten
// frames into hashed asset URLs), with the breadcrumbs, tags, user, url and user agent a browser
// SDK attaches, about 2.3 KB of JSON each, and personal data in messages and context for the
// collector's scrubber to find. Six kinds of error across the batch, so ingest groups a batch
// into a few issues. Every request gets fresh event ids, so idempotency never short-cuts a write.
import { FaultError, wireEventSchema } from '../../../dist/index.js';

const MESSAGES = [
  (i) => `Cannot read properties of undefined (reading 'item${i % 7}')`,
  (i) => `Request failed with status code 50${i % 4} for user bob${i}@example.com`,
  (i) => `Unexpected token '<', "<!DOCTYPE "... is not valid JSON (request ${i})`,
  (i) => `Failed to fetch /api/cart/${i}?token=abc${i}def`,
  (i) => `Quota exceeded while saving draft ${i}`,
  (i) => `Timeout after 3000ms calling https://payments.example.com/v2/charge/${i}`,
];

const APP = 'https://shop.example.com/assets/index-3f2a9c71.js';
const VENDOR = 'https://shop.example.com/assets/vendor-81bd04e2.js';
const FUNCTIONS = ['CartItem.render', 'renderWithHooks', 'updateFunctionComponent', 'beginWork'];

/** A V8 stack of a minified production bundle: ten frames, app code over framework code. */
function browserStack(name, message, kind) {
  const frames = Array.from({ length: 10 }, (_, k) => {
    const file = k < 3 ? APP : VENDOR;
    const fn = k === 0 ? `Checkout${kind}.submit` : FUNCTIONS[k % FUNCTIONS.length];
    return `    at ${fn} (${file}:${1 + (k % 2)}:${1000 + kind * 97 + k * 311})`;
  });
  return [`${name}: ${message}`, ...frames].join('\n');
}

function browserError(i) {
  const kind = i % MESSAGES.length;
  const message = MESSAGES[kind](i);
  const error = kind === 0 ? new TypeError(message) : new Error(message);
  error.stack = browserStack(error.name, message, kind);
  if (kind === 1) error.cause = { name: 'HTTPError', message: `upstream said no (${i % 3})` };
  return error;
}

function breadcrumbs(i, at) {
  return Array.from({ length: 5 }, (_, k) => ({
    timestamp: at - (5 - k) * 750,
    category: ['ui.click', 'fetch', 'navigation', 'console'][k % 4],
    message: k % 4 === 1 ? `GET /api/items/${i + k} 200` : `step ${k} of checkout`,
    level: k === 4 ? 'error' : 'info',
    ...(k % 4 === 1 ? { data: { status: 200, durationMs: 40 + k } } : {}),
  }));
}

/** One realistic wire event (with a placeholder id), valid against the SDK's wire schema. */
function templateEvent(i, at) {
  const base = FaultError.from(browserError(i), {
    context: { route: `/checkout/${i % 5}`, attempt: i % 3, email: `alice${i}@example.com` },
  }).toJSON();
  const event = {
    ...base,
    id: 'ID_PLACEHOLDER_0000',
    timestamp: at - (i % 50),
    correlationId: `req-${(i * 7919).toString(16)}`,
    breadcrumbs: breadcrumbs(i, at),
    tags: { region: ['eu', 'us', 'ap'][i % 3], feature: 'checkout' },
    user: { id: `user-${i % 40}`, plan: 'pro' },
    release: 'shop@1.4.2',
    environment: 'production',
    url: `https://shop.example.com/checkout/${i % 5}?session=s${i}`,
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  };
  const checked = wireEventSchema.safeParse(event);
  if (!checked.success) {
    throw new Error(`bench event ${i} is not a valid wire event: ${checked.error.message}`);
  }
  return event;
}

/** Stands for the request number in the template's ids: base-36 digits, fixed width. */
const REQUEST_SLOT = '@@@@@@';

/**
 * A maker of ingest bodies of `size` events: each call returns a new JSON body, as UTF-8 bytes
 * (what a server reads off the wire: no string to encode per request), whose event ids are
 * unique across the process (`<run>-<request>-<k>`, the request number in 6 base-36 digits),
 * and `meta` says its size. A body is a copy of one template with the request number written
 * into each id; `makeBody(previous)` rewrites the ids of a body it made before, whose request
 * is over, in place, so that a sender reusing its body costs next to nothing per request.
 */
export function batchMaker(size, now = Date.now()) {
  const events = Array.from({ length: size }, (_, i) => templateEvent(i, now));
  const text = JSON.stringify({
    sdk: { name: 'faultline.browser', version: '0.1.0' },
    sentAt: now,
    events,
  });
  const run = now.toString(36);
  const parts = text.split('ID_PLACEHOLDER_0000');
  let templateText = parts[0];
  for (let k = 1; k < parts.length; k++) templateText += `${run}-${REQUEST_SLOT}-${k}${parts[k]}`;
  const template = Buffer.from(templateText);
  const slots = [];
  for (
    let at = template.indexOf(REQUEST_SLOT);
    at !== -1;
    at = template.indexOf(REQUEST_SLOT, at + 1)
  ) {
    slots.push(at);
  }
  let request = 0;
  function makeBody(previous) {
    const number = Buffer.from((request++).toString(36).padStart(REQUEST_SLOT.length, '0'));
    const body = previous ?? Buffer.from(template);
    for (const at of slots) number.copy(body, at);
    return body;
  }
  return Object.assign(makeBody, { meta: { events: size, bytes: template.length } });
}
