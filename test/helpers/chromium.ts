/**
 * Debian's Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH) driven by
 * playwright-core, headless, with the flags this kind of machine needs
 * (no sandbox as root, no GPU, no background network). Used by the browser
 * tests and by the benchmark's search measurement.
 */
import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

const OPTIONS: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(OPTIONS);
}

/**
 * One Chromium for many clients (the browser tests' global setup starts it): each
 * connects with `connectChromium(server.wsEndpoint())` and gets contexts of its own.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(OPTIONS);
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
