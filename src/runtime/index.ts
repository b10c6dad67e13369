export { systemClock, type Clock } from './clock.js';
export { createId, randomHex } from './random-id.js';
export { systemTimers, type TimerHandle, type Timers } from './timers.js';
export { systemRandom, type RandomSource } from './random.js';
