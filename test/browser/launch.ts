import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './ensure-chromium.mjs';

/** Launches the system Chromium headless with the flags this sandbox needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
