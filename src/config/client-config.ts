/**
 * The client configuration's validation without zod: what `createClient` runs, so the browser
 * bundle does not carry a schema library (`zod/mini` alone would be most of its 12 KB budget,
 * SPEC §1). `clientConfigSchema` stays the definition: a property test checks that this
 * function accepts, fills in and refuses exactly as the schema does.
 *
 * @module
 */
import type { ClientConfig } from './client-schema.js';
import { configError, type ConfigProblem } from './config-problem.js';

type Problems = ConfigProblem[];
type Input = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Input =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function int(
  problems: Problems,
  input: Input,
  path: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const key = path.slice(path.lastIndexOf('.') + 1);
  const value = input[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problems.push({ kind: 'value', path, received: value, expected: 'an integer' });
  } else if (value < min || value > max) {
    problems.push({
      kind: 'range',
      path,
      received: value,
      expected: `an integer from ${min} to ${max}`,
    });
  }
  return value as number;
}

function text(
  problems: Problems,
  input: Input,
  key: string,
  min: number,
  max: number,
): string | undefined {
  const value = input[key];
  if (typeof value !== 'string') {
    problems.push({
      kind: value === undefined ? 'missing' : 'value',
      path: key,
      received: value,
      expected: 'a string',
    });
  } else if (value.length < min || value.length > max) {
    problems.push({
      kind: 'range',
      path: key,
      received: value,
      expected: `a string of ${min} to ${max} characters`,
    });
  }
  return value as string | undefined;
}

function patterns(problems: Problems, input: Input, key: string): (string | RegExp)[] {
  const value = input[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ kind: 'value', path: key, received: value, expected: 'an array' });
    return [];
  }
  if (value.length > 500) {
    problems.push({
      kind: 'range',
      path: key,
      received: value.length,
      expected: 'at most 500 patterns',
    });
  }
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string' && Object.prototype.toString.call(item) !== '[object RegExp]') {
      problems.push({
        kind: 'constraint',
        path: `${key}.${index}`,
        received: item,
        expected: 'a string or a RegExp',
      });
    }
  });
  return value as (string | RegExp)[];
}

function group(problems: Problems, input: Input, key: string): Input {
  const value = input[key];
  if (value === undefined) return {};
  if (isRecord(value)) return value;
  problems.push({ kind: 'value', path: key, received: value, expected: 'an object' });
  return {};
}

/**
 * Validates a client configuration and fills in its defaults (see `clientConfigSchema` for
 * each option). Unknown keys are left out of the result.
 *
 * @throws FaultError of the config family (1101–1203) listing every problem with its path, the
 *   value received and what was expected.
 * @example
 * resolveClientConfig({ endpoint: 'https://errors.example.com', key: 'pk' }).sampleRate; // 1
 */
export function resolveClientConfig(input: unknown): ClientConfig {
  if (!isRecord(input)) {
    throw configError('client config', [
      { kind: 'structure', path: '', received: input, expected: 'an object' },
    ]);
  }
  const problems: Problems = [];
  const endpoint = input.endpoint;
  if (typeof endpoint !== 'string' || !isHttpUrl(endpoint)) {
    problems.push({
      kind: endpoint === undefined ? 'missing' : 'value',
      path: 'endpoint',
      received: endpoint,
      expected: 'an http(s) URL',
    });
  }
  const key = text(problems, input, 'key', 1, 256);
  const config: Record<string, unknown> = { endpoint, key };
  if ('release' in input) {
    config.release =
      input.release === undefined ? undefined : text(problems, input, 'release', 0, 128);
  }
  config.environment =
    input.environment === undefined ? 'production' : text(problems, input, 'environment', 1, 128);
  const rate = input.sampleRate;
  if (rate !== undefined && (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))) {
    const kind = typeof rate === 'number' && Number.isFinite(rate) ? 'range' : 'value';
    problems.push({ kind, path: 'sampleRate', received: rate, expected: 'a number from 0 to 1' });
  }
  config.sampleRate = rate ?? 1;
  for (const name of ['ignoreErrors', 'allowUrls', 'denyUrls'])
    config[name] = patterns(problems, input, name);
  if ('beforeSend' in input) {
    const hook = input.beforeSend;
    if (hook !== undefined && typeof hook !== 'function') {
      problems.push({
        kind: 'constraint',
        path: 'beforeSend',
        received: hook,
        expected: 'a function (event) => event | null',
      });
    }
    config.beforeSend = hook;
  }
  config.maxBreadcrumbs = int(problems, input, 'maxBreadcrumbs', 0, 100, 100);
  config.dedupeWindowMs = int(problems, input, 'dedupeWindowMs', 0, 86_400_000, 60_000);
  config.maxEventsPerFingerprint = int(problems, input, 'maxEventsPerFingerprint', 1, 10_000, 10);
  const buffer = group(problems, input, 'buffer');
  const overflow = buffer.overflow === undefined ? 'drop_oldest' : buffer.overflow;
  if (overflow !== 'drop_oldest' && overflow !== 'drop_newest') {
    problems.push({
      kind: 'value',
      path: 'buffer.overflow',
      received: overflow,
      expected: 'one of "drop_oldest", "drop_newest"',
    });
  }
  config.buffer = {
    maxEvents: int(problems, buffer, 'buffer.maxEvents', 1, 1_000_000, 1000),
    maxBytes: int(problems, buffer, 'buffer.maxBytes', 1024, 1024 ** 3, 5 * 1024 * 1024),
    overflow,
  };
  const transport = group(problems, input, 'transport');
  config.transport = {
    batchSize: int(problems, transport, 'transport.batchSize', 1, 1000, 100),
    maxBatchBytes: int(
      problems,
      transport,
      'transport.maxBatchBytes',
      1024,
      1024 * 1024,
      512 * 1024,
    ),
    flushIntervalMs: int(problems, transport, 'transport.flushIntervalMs', 0, 3_600_000, 1000),
  };
  if (problems.length > 0) throw configError('client config', problems);
  return config as ClientConfig;
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}
