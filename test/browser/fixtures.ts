import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { PageGuard } from './support/PageGuard';
import { sel } from '../../web/src/testing/selectors';

/**
 * The suite's `test`: every page of every context a test opens (the default
 * `page` and each `openSession()`) is watched by one PageGuard, and the test
 * fails at its end if any page requested another host, showed an untranslated
 * message key (its visible text is scanned at the end, and at each screenshot),
 * threw, or broke the CSP.
 */
export interface Session {
  context: BrowserContext;
  page: Page;
}

export interface ScreenOptions {
  /** Also save a phone-width (390×844) shot, `<screen>-<lang>-phone.png`. */
  phone?: boolean;
}

interface Fixtures {
  guard: PageGuard;
  /** A fresh, guarded browser context with the project's settings (a second user, a second device). */
  openSession: () => Promise<Session>;
  /** Saves docs/screenshots/<screen>-<lang>.png for the page's current language (memory project only). */
  shoot: (page: Page, screen: string, options?: ScreenOptions) => Promise<void>;
}

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

export const test = base.extend<Fixtures>({
  guard: async ({ baseURL }, use, testInfo) => {
    const guard = new PageGuard(baseURL!);
    await use(guard);
    // Torn down after every context and session (they depend on it): sees all their pages.
    if (guard.violations.length > 0) testInfo.annotations.push({ type: 'guard', description: guard.violations.join('\n') });
    expect(guard.violations, 'the console requested another host, showed a message key, threw or broke its CSP').toEqual([]);
  },

  context: async ({ context, guard }, use) => {
    await guard.attach(context);
    await use(context);
    for (const page of context.pages()) await guard.scanForMessageKeys(page, `end of test, ${page.url()}`);
  },

  openSession: async ({ browser, guard }, use, testInfo) => {
    const opened: BrowserContext[] = [];
    const { baseURL, locale, timezoneId } = testInfo.project.use;
    await use(async () => {
      const context = await browser.newContext({ baseURL, locale, timezoneId, viewport: DESKTOP });
      await guard.attach(context);
      opened.push(context);
      return { context, page: await context.newPage() };
    });
    for (const context of opened) {
      for (const page of context.pages()) await guard.scanForMessageKeys(page, `end of test, ${page.url()}`);
      await context.close();
    }
  },

  shoot: async ({ guard }, use, testInfo) => {
    const enabled = testInfo.project.name === 'memory' && process.env['E2E_SCREENSHOTS'] !== 'off';
    if (enabled) mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await use(async (page, screen, options = {}) => {
      // A screen is shot once it has loaded: no "loading…" placeholder left.
      await expect(page.getByTestId(sel.app.loading)).toHaveCount(0);
      const keys = await guard.scanForMessageKeys(page, `screen ${screen}`);
      expect(keys, `untranslated message keys on screen ${screen}`).toEqual([]);
      if (!enabled) return;
      const lang = await currentLanguage(page);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen}-${lang}.png`), fullPage: false });
      if (options.phone) {
        const viewport = page.viewportSize() ?? DESKTOP;
        await page.setViewportSize(PHONE);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen}-${lang}-phone.png`), fullPage: false });
        await page.setViewportSize(viewport);
      }
    });
  },
});

/** The console's current language, from <html lang> (the console keeps it in step with i18next). */
export async function currentLanguage(page: Page): Promise<'zh-CN' | 'en'> {
  const lang = (await page.locator('html').getAttribute('lang')) ?? '';
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export { expect };
