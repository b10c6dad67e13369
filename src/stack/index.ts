export { parseStack } from './parse-stack.js';
export type { StackFrame } from './stack-frame.js';
export { fingerprint, FINGERPRINT_FRAMES, type FingerprintInput } from './fingerprint.js';
export { normaliseMessage } from './normalise-message.js';
export { isInAppFrame } from './in-app.js';
