import { FaultError } from '../../../src/errors/fault-error.js';
import { readCapped } from './read-capped.js';
import { refusal } from './refusal.js';

/**
 * Media types of an ingest body: JSON from `fetch`, `text/plain` from `navigator.sendBeacon`
 * (a string body gets `text/plain;charset=UTF-8`, which needs no CORS preflight).
 */
const MEDIA_TYPES: ReadonlySet<string> = new Set(['application/json', 'text/plain']);
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;
const UTF8 = /^utf-?8$/i;

function unreadable(message: string, cause?: unknown): FaultError {
  return new FaultError('deserialization_failed', message, { captureStack: false, cause });
}

function tooLarge(maxBytes: number, stage: string): never {
  throw refusal(413, 'resource_exhausted', `Body is over ${maxBytes} bytes ${stage}`);
}

/** Throws 415 unless `application/json` or `text/plain`, in UTF-8 if a charset is named. */
function checkContentType(header: string | null): void {
  const mediaType = (header ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (!MEDIA_TYPES.has(mediaType)) {
    throw refusal(
      415,
      'format_error',
      `Content-Type ${JSON.stringify(header ?? '')} is not supported: send application/json or text/plain`,
    );
  }
  const charset = CHARSET.exec(header ?? '')?.[1];
  if (charset !== undefined && !UTF8.test(charset)) {
    throw refusal(
      415,
      'format_error',
      `Charset ${JSON.stringify(charset)} is not supported: send UTF-8`,
    );
  }
}

/** Whether the body is gzip; throws 415 for any other coding. */
function isGzip(header: string | null): boolean {
  const coding = (header ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return false;
  if (coding === 'gzip' || coding === 'x-gzip') return true;
  throw refusal(
    415,
    'format_error',
    `Content-Encoding ${JSON.stringify(header)} is not supported: send gzip or no encoding`,
  );
}

async function gunzip(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  let out: Uint8Array | undefined;
  try {
    out = await readCapped(inflated, maxBytes);
  } catch (error) {
    throw unreadable('Body is not valid gzip', error);
  }
  return out ?? tooLarge(maxBytes, 'after decompression');
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads and parses the body of `POST /v1/events` (SPEC §5) within `maxBodyBytes`, counted both
 * as sent and after gzip decompression. Decompression streams through a byte cap, so a gzip
 * bomb (gigabytes of zeros in a few kilobytes) stops at the cap instead of filling memory.
 * Checks come in the order of their cost: headers, declared length, bytes read, inflated bytes,
 * UTF-8, JSON.
 *
 * @returns the parsed JSON, not yet checked for shape.
 * @throws HTTPException 415 (FaultError `format_error`) for another media type, charset or
 *   content coding; 413 (FaultError `resource_exhausted`) for a body over `maxBodyBytes`
 *   before or after decompression; FaultError `deserialization_failed` (3102, answered 400)
 *   when the body cannot be read, is not gzip though declared so, is not UTF-8 or not JSON.
 * @example
 * const json = await decodeBody(c.req.raw, project.maxBodyBytes);
 */
export async function decodeBody(request: Request, maxBodyBytes: number): Promise<unknown> {
  checkContentType(request.headers.get('content-type'));
  const gzip = isGzip(request.headers.get('content-encoding'));
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBodyBytes) tooLarge(maxBodyBytes, 'as sent');
  let raw: Uint8Array | undefined;
  try {
    raw = await readCapped(request.body, maxBodyBytes);
  } catch (error) {
    throw unreadable('Body could not be read', error);
  }
  if (raw === undefined) tooLarge(maxBodyBytes, 'as sent');
  const bytes = gzip ? await gunzip(raw, maxBodyBytes) : raw;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    throw unreadable('Body is not UTF-8 text', error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw unreadable(`Body is not JSON: ${error instanceof Error ? error.message : ''}`, error);
  }
}
