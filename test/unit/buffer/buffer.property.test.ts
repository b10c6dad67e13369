import { describe, it } from 'vitest';
import { memoryBuffer } from '../../../src/buffer/index.js';
import { assertNoLoss } from './no-loss-property.js';

describe('memoryBuffer() properties', () => {
  it('never loses an event without a counted drop, and reports every drop exactly once', async () => {
    await assertNoLoss((bounds) => memoryBuffer(bounds), 1000);
  });
});
