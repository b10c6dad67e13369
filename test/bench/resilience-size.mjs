// Issue 3 item 8, bundle size: what each library adds to a browser bundle (esbuild --bundle
// --minify --format=esm --platform=browser, then gzip -9), and what dominates faultline's.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export const ENTRIES = {
  faultline: `export { retry, circuitBreaker, timeout, resilientFetch } from ${JSON.stringify(dist)};`,
  'cockatiel v3': `export { retry, circuitBreaker, timeout, wrap, handleAll, ConsecutiveBreaker, ExponentialBackoff } from 'cockatiel';`,
  'cockatiel v4': `export { retry, circuitBreaker, timeout, wrap, handleAll, ConsecutiveBreaker, ExponentialBackoff } from 'cockatiel4';`,
  // opossum's browser build (README "Browser"): a webpack UMD bundle with an `events` polyfill;
  // its Node entry needs `events`, which a browser bundle cannot resolve.
  opossum: `export { default } from 'opossum/dist/opossum.js';`,
};

/** Minified and gzip -9 sizes of `contents` bundled for the browser, with esbuild's metafile. */
export async function bundleSize(contents, plugins = []) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.js', loader: 'js' },
    absWorkingDir: root, // metafile paths relative to the repo: dist/breaker/breaker.js
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    inputs: output.inputs,
  };
}

/**
 * Replaces the modules FaultError imports only for `FaultError.from` (describe-thrown: the
 * classifier), `toJSON` (to-wire-error: the classifier again, wire limits, plain-data) and
 * `frames` (parse-stack) with empty stubs, to measure what that costs a resilience-only bundle.
 */
export const stubFaultErrorExtras = {
  name: 'stub-fault-error-extras',
  setup(b) {
    const heavy = /^\.\.?\/.*(?:describe-thrown|to-wire-error|parse-stack)\.js$/;
    b.onResolve({ filter: heavy }, (args) =>
      /[\\/]errors[\\/]fault-error\.js$/.test(args.importer)
        ? { path: args.path, namespace: 'stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents:
        'export const describeThrown = undefined, toWireError = undefined, parseStack = undefined;',
      loader: 'js',
    }));
  },
};

/** Sums `bytesInOutput` by top-level folder of dist/ (classify, errors, breaker, …). */
export function byFolder(inputs) {
  const folders = {};
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const key = path
      .replace(/^dist\//, '')
      .split('/')[0]
      .replace(/\.js$/, '');
    folders[key] = (folders[key] ?? 0) + bytesInOutput;
  }
  return Object.entries(folders).sort((a, b) => b[1] - a[1]);
}

const sortedInputs = (inputs) =>
  Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
const folders = (inputs) =>
  byFolder(inputs)
    .map(([folder, bytes]) => `${folder} ${bytes}`)
    .join(', ');

/**
 * Section 7 of resilience.bench.mjs: prints every library's size, faultline's top 15 inputs,
 * faultline without FaultError's extras, and FaultError alone; returns faultline's gzip sizes.
 */
export async function bundleReport() {
  console.log(
    '\n7. Browser bundle (esbuild --bundle --minify --format=esm --platform=browser, gzip -9)',
  );
  const sizes = {};
  for (const [name, contents] of Object.entries(ENTRIES)) {
    const s = (sizes[name] = await bundleSize(contents));
    console.log(
      `  ${name.padEnd(16)} ${String(s.minified).padStart(7)} B min ${String(s.gzip).padStart(7)} B gzip`,
    );
  }
  const ours = sizes.faultline;
  for (const name of Object.keys(ENTRIES).slice(1)) {
    const ratio = (sizes[name].gzip / ours.gzip).toFixed(2);
    console.log(`    ${name.padEnd(14)} is ${ratio}x faultline's gzip size`);
  }
  console.log('\n  faultline: top 15 inputs by bytes in the minified output');
  const inputs = sortedInputs(ours.inputs);
  for (const [path, { bytesInOutput }] of inputs.slice(0, 15)) {
    console.log(`    ${String(bytesInOutput).padStart(6)} B  ${path}`);
  }
  console.log(
    `  by folder: ${folders(ours.inputs)} (of ${ours.minified} B, ${inputs.length} modules)`,
  );

  // What FaultError's from / toJSON / frames imports cost a resilience-only bundle.
  const slim = await bundleSize(ENTRIES.faultline, [stubFaultErrorExtras]);
  const dropped = Object.fromEntries(inputs.filter(([path]) => !(path in slim.inputs)));
  const droppedBytes = Object.values(dropped).reduce((sum, i) => sum + i.bytesInOutput, 0);
  console.log(
    `\n  with FaultError's describe-thrown / to-wire-error / parse-stack imports stubbed out:\n` +
      `    ${slim.minified} B min, ${slim.gzip} B gzip (−${ours.gzip - slim.gzip} B gzip); ` +
      `${Object.keys(dropped).length} modules, ${droppedBytes} B min dropped: ${folders(dropped)}`,
  );
  const noFetch = await bundleSize(ENTRIES.faultline.replace(', resilientFetch', ''), [
    stubFaultErrorExtras,
  ]);
  console.log(
    `    …and without resilientFetch (retry, circuitBreaker, timeout only): ` +
      `${noFetch.minified} B min, ${noFetch.gzip} B gzip`,
  );
  const alone = await bundleSize(`export { FaultError } from ${JSON.stringify(dist)};`);
  console.log(
    `    FaultError alone (the floor of any bundle that throws one): ` +
      `${alone.minified} B min, ${alone.gzip} B gzip`,
  );
  const top = sortedInputs(slim.inputs)
    .slice(0, 8)
    .map(([path, { bytesInOutput }]) => `${path.replace(/^dist\//, '')} ${bytesInOutput}`);
  console.log(`    what remains, top 8: ${top.join(', ')}`);
  return {
    gzip: ours.gzip,
    slimGzip: slim.gzip,
    noFetchGzip: noFetch.gzip,
    faultErrorGzip: alone.gzip,
  };
}
