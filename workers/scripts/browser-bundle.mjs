// Builds the standalone browser bundle, dist/faultline.browser.mjs (SPEC §1: one minified ES
// module, idb bundled in, loadable with <script type="module"> and no build step), and the demo
// site `npm start` serves: examples/browser plus that bundle, in dist/site. Run directly, it
// builds the bundle only (the last step of `npm run build`).
import { cp, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const bundlePath = `${root}dist/faultline.browser.mjs`;
export const siteDir = `${root}dist/site`;

/** Bundles src/standalone.ts for browsers, minified. */
export async function buildBrowserBundle() {
  await build({
    entryPoints: [`${root}src/standalone.ts`],
    outfile: bundlePath,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Puts the demo page and the bundle side by side in dist/site. */
export async function buildDemoSite() {
  await buildBrowserBundle();
  await mkdir(siteDir, { recursive: true });
  await cp(`${root}examples/browser`, siteDir, { recursive: true });
  await cp(bundlePath, `${siteDir}/faultline.browser.mjs`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBrowserBundle();
