import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_FRAMES, fingerprint, frameKey } from '../../src/stack/fingerprint.js';
import { fnv1a64 } from '../../src/stack/hash.js';
import { hasLocation, isInAppFrame } from '../../src/stack/in-app.js';
import { normaliseMessage } from '../../src/stack/normalise-message.js';
import type { StackFrame } from '../../src/stack/stack-frame.js';

const RUNS = 500;

const realisticFile = fc
  .tuple(
    fc.constantFrom('https://app.example', 'http://localhost:3000', 'file://', ''),
    fc.constantFrom('/static/js/', '/assets/', '/srv/app/node_modules/lib/', '/'),
    fc.constantFrom('main', 'index', 'chunk', 'vendor-react'),
    fc.constantFrom('', '.3f2a9c1b', '-Dx8aF2kL', '-AB12CD34'),
    fc.constantFrom('.js', '.mjs', ''),
    fc.constantFrom('', '?v=2', '#x'),
  )
  .map((parts) => parts.join(''));

const file = fc.oneof(
  realisticFile,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('native', '[native code]', '<anonymous>', 'node:internal/x', 'self-hosted'),
);

const frame: fc.Arbitrary<StackFrame> = fc.record(
  {
    function: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('Foo.bar', 'outer/<', 'async x.y [as z]', 'new Widget', 't', '<anonymous>'),
    ),
    file,
    line: fc.integer({ min: 1, max: 1e6 }),
    column: fc.integer({ min: 1, max: 1e6 }),
  },
  { requiredKeys: [] },
);

const event = fc.record(
  {
    type: fc.string({ maxLength: 30 }),
    message: fc.string({ unit: 'binary', maxLength: 300 }),
    frames: fc.array(frame, { maxLength: 12 }),
  },
  { requiredKeys: ['type', 'message'] },
);

/** The fingerprint as documented, computed frame by frame with the exported pieces. */
function referenceFingerprint(e: { type: string; message: string; frames?: StackFrame[] }): string {
  const keys = (include: (frame: StackFrame) => boolean): string =>
    (e.frames ?? [])
      .filter((f) => include(f) && f.function !== 'eval' && f.function !== 'anonymous')
      .slice(0, FINGERPRINT_FRAMES)
      .map((f) => `\u0000${frameKey(f)}`)
      .join('');
  const frames = keys(isInAppFrame) || keys(hasLocation);
  return fnv1a64(`${e.type}\u0000${normaliseMessage(e.message)}${frames}`);
}

/** Frames that share files with their neighbours, as real stacks do. */
const runOfFrames = fc
  .tuple(fc.array(file, { minLength: 1, maxLength: 3 }), fc.array(frame, { maxLength: 12 }))
  .map(([files, frames]) =>
    frames.map((f, i) => ({ ...f, file: files[Math.floor(i / 3) % files.length]! })),
  );

describe('fingerprint() under random input', () => {
  it('is the documented hash of type, message and the top frames', () => {
    fc.assert(
      fc.property(event, runOfFrames, (e, frames) => {
        expect(fingerprint(e)).toBe(referenceFingerprint(e));
        expect(fingerprint({ ...e, frames })).toBe(referenceFingerprint({ ...e, frames }));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws and always gives 16 lowercase hex digits', () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(fingerprint(e)).toMatch(/^[0-9a-f]{16}$/);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic, also on a copy of the event', () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(fingerprint(e)).toBe(fingerprint(e));
        expect(fingerprint(structuredClone(e))).toBe(fingerprint(e));
      }),
      { numRuns: RUNS },
    );
  });

  it('ignores line and column numbers', () => {
    fc.assert(
      fc.property(event, (e) => {
        const moved = (e.frames ?? []).map((f) => ({ ...f, line: 1, column: 1 }));
        expect(fingerprint({ ...e, frames: moved })).toBe(fingerprint(e));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives one fingerprint to messages that differ only in numbers, ids, urls and quotes', () => {
    const word = fc.constantFrom('order', 'failed', 'after', 'retry', 'user', 'Timeout', 'at');
    const kinds = [
      fc.nat().map(String),
      fc.uuid(),
      fc.nat().map((n) => `0x${n.toString(16)}`),
      fc.webUrl().filter((url) => !/['"`()<>]/.test(url)),
      fc.string({ maxLength: 10 }).map((s) => `'${s.replaceAll("'", '')}'`),
    ];
    // Each slot holds a fixed word, or two values of the same volatile kind.
    const slot = fc.oneof(
      word.map((w) => [w, w] as const),
      ...kinds.map((kind) => fc.tuple(kind, kind)),
    );
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 8 }), (slots) => {
        const first = slots.map(([a]) => a).join(' ');
        const second = slots.map(([, b]) => b).join(' ');
        expect(normaliseMessage(first)).toBe(normaliseMessage(second));
        expect(fingerprint({ type: 'x', message: first })).toBe(
          fingerprint({ type: 'x', message: second }),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
