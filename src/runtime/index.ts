export { systemClock, type Clock } from './clock.js';
export { createId, randomHex } from './random-id.js';
