// The transport port fits the buffer port without adapters (checked by the type checker).
import { describe, expectTypeOf, it } from 'vitest';
import type { BufferBatch, EventBuffer } from '../../../src/buffer/buffer.js';
import type { DropReason } from '../../../src/buffer/drop-reasons.js';
import type { CircuitBreaker } from '../../../src/breaker/circuit-breaker.js';
import type { TransportDropReason } from '../../../src/transport/drop-reasons.js';
import type {
  OutgoingBatch,
  SendResult,
  Transport,
  TransportBreaker,
} from '../../../src/transport/transport.js';

describe('Transport', () => {
  it('takes a batch taken from the buffer as it is', () => {
    expectTypeOf<BufferBatch>().toExtend<OutgoingBatch>();
    expectTypeOf<Transport['send']>().parameter(0).toEqualTypeOf<OutgoingBatch>();
  });

  it('answers with ids and reasons the buffer takes back', () => {
    expectTypeOf<SendResult['acked']>().toExtend<Parameters<EventBuffer['ack']>[0]>();
    expectTypeOf<SendResult['retry']>().toExtend<Parameters<EventBuffer['release']>[0]>();
    expectTypeOf<TransportDropReason>().toExtend<Parameters<EventBuffer['drop']>[1]>();
  });

  it('drops only for reasons of the closed DropReason union, both of them real', () => {
    expectTypeOf<TransportDropReason>().toExtend<DropReason>();
    expectTypeOf<'invalid'>().toExtend<TransportDropReason>();
    expectTypeOf<'event_too_large'>().toExtend<TransportDropReason>();
  });

  it('runs behind any circuitBreaker()', () => {
    expectTypeOf<CircuitBreaker>().toExtend<TransportBreaker>();
  });
});
