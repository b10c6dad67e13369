// Texts the collector copies out of events into its own columns (issue title, event message)
// stay valid UTF-8 and searchable whatever a client sends: lone surrogates and NUL.
import { describe, expect, it } from 'vitest';
import {
  batchOf,
  eventId,
  issueOf,
  postBatch,
  storedEvents,
  uniqueWord,
  wireEvent,
} from './ingest-fixtures.js';
import { call } from './query-seed.js';

describe('POST /v1/events: text copied into columns', () => {
  it('replaces lone surrogates and NUL, keeps valid pairs, and leaves the rest searchable', async () => {
    const id = eventId();
    const word = uniqueWord();
    const message = `broken \ud800 text \u0000 after ${word} and a valid 😀`;
    const res = await postBatch(batchOf([wireEvent({ id, message })]));
    expect(res.status).toBe(202);
    const expected = `broken \ufffd text \ufffd after ${word} and a valid 😀`;
    expect((await issueOf(id)).title).toBe(expected);
    const [row] = await storedEvents([id]);
    expect(row!.message).toBe(expected);
    expect(JSON.parse(row!.payload)).toMatchObject({ message: expected });
    const found = await call(`/v1/issues?q=${encodeURIComponent(word)}`);
    expect(found.body.issues.map((issue: { title: string }) => issue.title)).toEqual([expected]);
  });

  it('refuses a search text holding NUL', async () => {
    const res = await call('/v1/issues?q=%00x');
    expect(res.status).toBe(400);
    expect(res.body.error.context.problems[0].param).toBe('q');
  });
});
