import { z } from 'zod';
import { FaultError } from '../../../src/errors/fault-error.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import type { Env } from '../env.js';

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

const origin = z.string().refine(isOrigin, {
  message: 'an origin such as https://app.example.com (scheme, host, optional port; no path)',
});

const secret = z.string().min(12).max(256);
/**
 * A read token: what an `Authorization: Bearer` header can carry (RFC 6750 §2.1, `b64token`),
 * so that every configured token can authenticate.
 */
const readToken = secret.regex(
  /^[A-Za-z0-9\-._~+/]+=*$/,
  'letters, digits and - . _ ~ + / (optionally ending in =), as a Bearer token allows',
);

/** One project: who may send events, who may read them, and its limits. */
export const projectSchema = z.object({
  /** Stable id, stored with every event. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().min(1).max(128),
  /** Keys SDKs send in `x-faultline-key` or `?key=`; public by nature (they ship in pages). */
  publicKeys: z.array(secret).min(1).max(20),
  /** Bearer tokens of the query API; secret. */
  readTokens: z.array(readToken).min(1).max(20),
  /** Origins browsers may send from; requests without `Origin` (servers, curl) need only a key. */
  allowedOrigins: z.array(origin).max(100).default([]),
  /** Events accepted per minute before 429. */
  ingestPerMinute: z.number().int().min(1).max(100_000_000).default(60_000),
  /** Days events are kept before the cron job prunes them. */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /** Largest request body, in bytes after decompression. */
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
  /** Most events per batch. */
  maxEventsPerBatch: z.number().int().min(1).max(10_000).default(1000),
});

/** A project with every default filled in. */
export type Project = z.infer<typeof projectSchema>;

/** The collector's configuration. */
export const collectorConfigSchema = z
  .object({ projects: z.array(projectSchema).min(1).max(1000) })
  .superRefine((config, ctx) => {
    const seen = new Map<string, string>();
    config.projects.forEach((project, index) => {
      for (const key of [...project.publicKeys, ...project.readTokens]) {
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['projects', index],
            message: `a key or token is used twice (also in project ${seen.get(key)})`,
          });
        }
        seen.set(key, project.id);
      }
    });
  });

/** The collector's configuration, resolved. */
export type CollectorConfig = z.infer<typeof collectorConfigSchema>;

/** Credentials that work from a fresh clone and must never reach production (SPEC §5). */
export const DEMO_CREDENTIALS = Object.freeze({
  publicKey: 'demo-public-key',
  readToken: 'demo-read-token',
});

/**
 * The demo project `npm start` serves, allowing the loopback origins of the port it serves the
 * demo page on (8787 unless `PORT` says otherwise).
 *
 * @throws FaultError of the config family when `port` makes no valid origin.
 */
export function demoConfig(port = '8787'): CollectorConfig {
  const config = {
    projects: [
      {
        id: 'demo',
        name: 'Demo',
        publicKeys: [DEMO_CREDENTIALS.publicKey],
        readTokens: [DEMO_CREDENTIALS.readToken],
        allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
        ingestPerMinute: 1_000_000,
      },
    ],
  };
  return parseConfig(collectorConfigSchema, config, 'demo config');
}

/** Lookups built once per configuration. */
export interface Projects {
  readonly config: CollectorConfig;
  byPublicKey(key: string): Project | undefined;
  byReadToken(token: string): Project | undefined;
}

function index(config: CollectorConfig): Projects {
  const publicKeys = new Map<string, Project>();
  const readTokens = new Map<string, Project>();
  for (const project of config.projects) {
    for (const key of project.publicKeys) publicKeys.set(key, project);
    for (const token of project.readTokens) readTokens.set(token, project);
  }
  return {
    config,
    byPublicKey: (key) => publicKeys.get(key),
    byReadToken: (token) => readTokens.get(token),
  };
}

/**
 * Parses the configuration text (JSON).
 *
 * @throws FaultError of the config family (11xx/12xx) listing every problem with its path.
 */
export function parseCollectorConfig(text: string): CollectorConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FaultError('invalid_config_structure', 'FAULTLINE_PROJECTS is not JSON', {
      cause: error,
    });
  }
  return parseConfig(collectorConfigSchema, json, 'collector config (FAULTLINE_PROJECTS)');
}

let cached: { text: string | undefined; port: string | undefined; projects: Projects } | undefined;

/**
 * The projects this isolate serves: `FAULTLINE_PROJECTS` when set, else the demo project —
 * except in production, where a missing configuration is an error rather than open demo keys.
 *
 * @throws FaultError `config_not_found` (1301) in production without configuration, or the
 *   config FaultError of {@link parseCollectorConfig}.
 */
export function loadProjects(env: Env): Projects {
  const text = env.FAULTLINE_PROJECTS;
  const port = env.FAULTLINE_DEMO_PORT;
  if (cached !== undefined && cached.text === text && cached.port === port) return cached.projects;
  let config: CollectorConfig;
  if (text !== undefined && text.trim() !== '') config = parseCollectorConfig(text);
  else if (env.FAULTLINE_ENV === 'production') {
    throw new FaultError(
      'config_not_found',
      'No projects configured: set the FAULTLINE_PROJECTS secret',
    );
  } else config = demoConfig(port); // made once per isolate: the result is cached below
  if (env.FAULTLINE_ENV === 'production') refuseDemoCredentials(config);
  const projects = index(config);
  cached = { text, port, projects };
  return projects;
}

function refuseDemoCredentials(config: CollectorConfig): void {
  const demo: readonly string[] = Object.values(DEMO_CREDENTIALS);
  const found = config.projects.find((project) =>
    [...project.publicKeys, ...project.readTokens].some((key) => demo.includes(key)),
  );
  if (found !== undefined) {
    throw new FaultError(
      'constraint_violation',
      `Project ${found.id} uses demo credentials in production`,
    );
  }
}
