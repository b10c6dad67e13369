/**
 * Size limits of the wire format (SPEC §6), shared by the SDK (which truncates to them) and the
 * collector's schema (which rejects what exceeds them). Lengths are in UTF-16 code units.
 *
 * @module
 */
export const WIRE_LIMITS = Object.freeze({
  /** Longest event id, correlation id or trace id. */
  idLength: 64,
  /** Longest message. */
  messageLength: 8192,
  /** Longest `name`, `type`, category or subcategory. */
  nameLength: 128,
  /** Longest raw stack string. */
  stackLength: 16384,
  /** Most stack frames per error. */
  frames: 100,
  /** Longest file or function string in a frame. */
  frameFieldLength: 1024,
  /** Deepest `cause` chain kept. */
  causes: 5,
  /** Most breadcrumbs per event. */
  breadcrumbs: 100,
  /** Most tags per event, and the longest tag key and value. */
  tags: 50,
  tagKeyLength: 64,
  tagValueLength: 256,
  /** Longest url or user agent. */
  urlLength: 2048,
  /** Deepest nesting of free-form data (`context`, breadcrumb `data`, `user`). */
  dataDepth: 6,
  /** Most keys per object and items per array in free-form data. */
  dataEntries: 100,
  /** Longest key inside free-form data. */
  dataKeyLength: 256,
  /** Longest string inside free-form data. */
  dataStringLength: 2048,
  /** Largest serialised event, in bytes of JSON. */
  eventBytes: 256 * 1024,
});
