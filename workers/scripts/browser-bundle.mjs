// Builds the standalone browser bundle, dist/faultline.browser.mjs (SPEC §1: one minified ES
// module, idb bundled in, loadable with <script type="module"> and no build step), and the demo
// site `npm start` serves: examples/browser plus its own copy of that bundle, kept under
// workers/.wrangler/ rather than dist/ so that `npm run build` (which empties dist/) never
// pulls the files from under a running collector. Run directly, it builds the bundle only
// (the last step of `npm run build`).
import { cp, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const bundlePath = `${root}dist/faultline.browser.mjs`;
export const siteDir = `${root}workers/.wrangler/demo-site`;

/** Bundles src/standalone.ts for browsers, minified, into `outfile`. */
export async function buildBrowserBundle(outfile = bundlePath) {
  await build({
    entryPoints: [`${root}src/standalone.ts`],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Puts the demo page and the bundle side by side in {@link siteDir}. */
export async function buildDemoSite() {
  await mkdir(siteDir, { recursive: true });
  await cp(`${root}examples/browser`, siteDir, { recursive: true });
  await buildBrowserBundle(`${siteDir}/faultline.browser.mjs`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBrowserBundle();
