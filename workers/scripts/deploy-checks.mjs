// What `npm run deploy` refuses to ship (SPEC §5: demo credentials never reach production),
// checked on the config exactly as wrangler reads it (comments, trailing commas and all).

/** The placeholder D1 id wrangler.jsonc carries for local development. */
export const PLACEHOLDER_DATABASE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The demo project's credentials (workers/src/config/projects.ts, DEMO_CREDENTIALS): served by
 * `npm start`, never deployed.
 */
export const DEMO_CREDENTIALS = ['demo-public-key', 'demo-read-token'];

/**
 * Flags `wrangler deploy` runs with: in production the Worker refuses the demo project and any
 * project holding demo credentials (loadProjects), whatever wrangler.jsonc's vars say.
 */
export const PRODUCTION_VARS = ['--var', 'FAULTLINE_ENV:production'];

/**
 * Every reason not to deploy the Worker configured at `configPath`, as messages; empty when it
 * may ship.
 *
 * @param {string} configPath
 * @returns {Promise<string[]>}
 */
export async function deployProblems(configPath) {
  const { unstable_readConfig: readConfig } = await import('wrangler');
  const config = readConfig({ config: configPath });
  const problems = [];
  for (const database of config.d1_databases) {
    if (database.database_id === undefined || database.database_id === PLACEHOLDER_DATABASE_ID) {
      problems.push(
        `D1 binding ${database.binding} still has the placeholder database_id: create a database ` +
          'with `npx wrangler d1 create faultline` and put its id in workers/wrangler.jsonc.',
      );
    }
  }
  for (const [name, value] of Object.entries(config.vars ?? {})) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const demo = DEMO_CREDENTIALS.filter((credential) => text.includes(credential));
    if (demo.length > 0) {
      problems.push(`vars.${name} contains the demo credentials ${demo.join(', ')}.`);
    }
    if (name === 'FAULTLINE_PROJECTS') {
      problems.push(
        'vars.FAULTLINE_PROJECTS would publish read tokens in the config: set it as a secret ' +
          'with `npx wrangler secret put FAULTLINE_PROJECTS` instead.',
      );
    }
  }
  return problems;
}
