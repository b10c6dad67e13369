/**
 * A Worker that answers failures with the FaultError JSON the collector uses, and tells
 * clients whether a retry can help. Run: `npx wrangler dev examples/worker/src/index.ts`.
 */
import { FaultError, createContext, runInContext } from 'faultline/worker';

export default {
  async fetch(request: Request): Promise<Response> {
    const ctx = createContext({ name: 'proxy', traceparent: request.headers.get('traceparent') });
    try {
      return await runInContext(ctx, async (c) => {
        const upstream = await fetch('https://api.example.com/data', {
          headers: { traceparent: c.traceparent() },
        });
        if (!upstream.ok) throw upstream;
        return upstream;
      });
    } catch (thrown) {
      const error = FaultError.from(thrown);
      const status = error.transient ? 503 : 502;
      return Response.json(
        { error: error.toJSON() },
        { status, headers: { 'x-retryable': String(error.transient) } },
      );
    }
  },
};
