import { writeIngest } from '../db/events-repo.js';
import { chunkEvents, type EventRow, type IssueEvents } from './chunk-events.js';
import { issueIdOf } from './issue-id.js';
import type { PreparedEvent } from './prepare-events.js';

/** What {@link storeEvents} writes. */
export interface StoreInput {
  readonly projectId: string;
  /** When the collector received the batch, ms since the epoch. */
  readonly receivedAt: number;
  readonly events: readonly PreparedEvent[];
  /** Client drop counts by reason. */
  readonly dropped: Readonly<Record<string, number>>;
}

/** How the stored events split (SPEC §5 202 answer). */
export interface StoreResult {
  /** Events stored now. */
  readonly accepted: number;
  /** Events stored before (a replay) or repeated within the batch: nothing counted again. */
  readonly duplicate: number;
}

interface Group {
  readonly first: PreparedEvent;
  readonly events: EventRow[];
}

/**
 * Stores a batch's prepared events idempotently (SPEC §5): an id repeated within the batch is
 * kept once (the first), events are grouped into issues by fingerprint — a new issue takes its
 * title, type, category and severity from its first event in the batch — and everything is
 * written in one D1 transaction that counts only the events not stored yet (see
 * `writeIngest`). Resolves after the commit.
 *
 * @example
 * const { accepted, duplicate } = await storeEvents(env.DB, { projectId, receivedAt, events, dropped });
 */
export async function storeEvents(db: D1Database, input: StoreInput): Promise<StoreResult> {
  const seen = new Set<string>(); // insertion order: the batch's ids, first occurrence each
  const groups = new Map<string, Group>();
  for (const event of input.events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    // A prepared event is an EventRow as it is: no copy.
    const group = groups.get(event.fingerprint);
    if (group === undefined) groups.set(event.fingerprint, { first: event, events: [event] });
    else group.events.push(event);
  }
  const issues: IssueEvents[] = [...groups.values()].map(({ first, events }) => ({
    id: issueIdOf(input.projectId, first.fingerprint),
    fingerprint: first.fingerprint,
    title: first.title,
    type: first.type,
    category: first.category,
    severity: first.severity,
    events,
  }));
  const accepted = await writeIngest(db, {
    projectId: input.projectId,
    receivedAt: input.receivedAt,
    chunks: chunkEvents(issues),
    eventIds: JSON.stringify([...seen]),
    dropped: input.dropped,
  });
  return { accepted, duplicate: input.events.length - accepted };
}
