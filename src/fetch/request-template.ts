/**
 * A request that can be sent more than once (SPEC §3: bodies are replayable for retries): the
 * body is read into memory once, and each attempt builds a fresh Request from plain fields.
 */
export interface RequestTemplate {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** Fields of the original request that differ from the defaults, to copy onto each attempt. */
  readonly init: RequestInit;
  readonly body: ArrayBuffer | null;
}

// Only fields that differ from their defaults are copied: some runtimes reject fields they do
// not implement (workerd throws on `cache`, `mode` and `credentials`).
const DEFAULTS: Record<string, string | boolean> = {
  cache: 'default',
  credentials: 'same-origin',
  integrity: '',
  keepalive: false,
  mode: 'cors',
  redirect: 'follow',
  referrerPolicy: '',
};

/** Reads `input` and `init` (as `fetch` would) into a replayable template. */
export async function createRequestTemplate(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<RequestTemplate> {
  const request = new Request(input, init);
  const copied: Record<string, unknown> = {};
  for (const [field, fallback] of Object.entries(DEFAULTS)) {
    const value = (request as unknown as Record<string, unknown>)[field];
    if (value !== undefined && value !== fallback && value !== 'navigate') copied[field] = value;
  }
  const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
  return {
    url: request.url,
    method: request.method,
    headers: new Headers(request.headers),
    init: copied as RequestInit,
    body: hasBody ? await request.arrayBuffer() : null,
  };
}

/** One attempt's Request: the template sent to `url` with `headers` and `signal`. */
export function buildRequest(
  template: RequestTemplate,
  url: string,
  headers: Headers,
  signal: AbortSignal,
): Request {
  return new Request(url, {
    ...template.init,
    method: template.method,
    headers,
    body: template.body,
    signal,
  });
}
