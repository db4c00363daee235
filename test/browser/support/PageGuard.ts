import type { BrowserContext, Page } from '@playwright/test';

/**
 * Watches every page of the contexts it is attached to and records what the
 * console must never do (issue 11 "Done when"):
 *
 * - request any host other than the server under test (the request is aborted
 *   before it leaves the browser, and recorded): no CDN, font, script or tile;
 * - show an untranslated message key: key-shaped text on screen (`nav.households`)
 *   or the console's i18next missingKeyHandler reporting one on the console
 *   (a console message containing MISSING_KEY_MARKER);
 * - throw an uncaught error, or break its own Content-Security-Policy.
 *
 * The fixtures fail the test when `violations` is not empty at its end.
 */
export class PageGuard {
  readonly violations: string[] = [];
  readonly #origin: string;

  constructor(baseURL: string) {
    this.#origin = new URL(baseURL).origin;
  }

  async attach(context: BrowserContext): Promise<void> {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (this.allows(url)) return route.continue();
      this.violations.push(`request to another host: ${route.request().method()} ${url}`);
      return route.abort('blockedbyclient');
    });
    context.on('page', (page) => this.watch(page));
    for (const page of context.pages()) this.watch(page);
  }

  /** Same origin as the server, or a URL that never leaves the browser (data:, blob:). */
  allows(url: string): boolean {
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
    try {
      return new URL(url).origin === this.#origin;
    } catch {
      return false;
    }
  }

  watch(page: Page): void {
    page.on('console', (message) => {
      const text = message.text();
      if (text.includes(MISSING_KEY_MARKER)) this.violations.push(`missing message key reported by the console: ${text}`);
      if (/Content Security Policy/i.test(text)) this.violations.push(`CSP violation: ${text}`);
    });
    page.on('pageerror', (error) => this.violations.push(`uncaught error in the page: ${error.message}`));
    page.on('websocket', (ws) => {
      if (!this.allows(ws.url().replace(/^ws/, 'http'))) this.violations.push(`websocket to another host: ${ws.url()}`);
    });
  }

  /** Scans the page's visible text for untranslated message keys; records and returns them. */
  async scanForMessageKeys(page: Page, where: string): Promise<string[]> {
    if (page.isClosed()) return [];
    const text = await page.locator('body').innerText({ timeout: 5_000 }).catch(() => '');
    const keys = findMessageKeys(text);
    for (const key of keys) this.violations.push(`untranslated message key on screen (${where}): ${key}`);
    return keys;
  }

  clear(): void {
    this.violations.length = 0;
  }
}

/**
 * What the console's i18n missingKeyHandler writes to the browser console
 * (console.error) for a key missing from a catalogue; the guard listens for it.
 */
export const MISSING_KEY_MARKER = 'i18n: missing message key';

/**
 * Key-shaped strings: two or more dot-joined identifiers starting lowercase
 * (`nav.households`, `intake.head.phone.required`), standing alone. A URL, an
 * e-mail address, a file name or a decimal number is not one.
 */
export function findMessageKeys(text: string): string[] {
  const found = new Set<string>();
  const keyShaped = /(?<![\w@/.:-])([a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)+)(?![\w@/-]|\.\w)/g;
  for (const match of text.matchAll(keyShaped)) {
    const candidate = match[1]!;
    if (NOT_KEYS.test(candidate)) continue;
    found.add(candidate);
  }
  return [...found];
}

/** Dotted words that are not message keys: domain names and file names. */
const NOT_KEYS = /\.(com|cn|org|net|gov|edu|io|md|png|svg|csv|json|gexf|txt|pdf)$/;
