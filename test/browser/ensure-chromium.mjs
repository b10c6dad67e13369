// Finds Chromium for the browser suite, installing Debian's package when running as root.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless flags this sandbox needs (no GPU, no sandbox as root, no calls home). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** True when Chromium is there (installing it first if we can); prints what to do if not. */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian package "chromium" with apt-get…');
    try {
      execSync(
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
        {
          stdio: 'inherit',
        },
      );
    } catch {
      // Reported below.
    }
    if (existsSync(chromiumPath)) return true;
  }
  console.error(
    `Chromium not found at ${chromiumPath}. Install it with:\n` +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
  return false;
}
