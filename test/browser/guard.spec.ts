import { expect, test } from './fixtures';
import { findMessageKeys, MISSING_KEY_MARKER } from './support/PageGuard';

/**
 * The suite's own guard, proven on a real page of the server: without these
 * passing, a green scenario would not mean "no outside host, no raw key".
 * Each test triggers the violation on purpose, checks it was caught, then
 * clears it (so the fixture's end-of-test check passes).
 */
test.describe('the page guard', () => {
  test('aborts and records a request to another host', async ({ page, guard }) => {
    await page.goto('/healthz');
    // .invalid never resolves (RFC 6761), and the guard aborts it before it leaves the browser anyway.
    const outcome = await page.evaluate("fetch('http://cdn.outside.invalid/font.woff2').then(() => 'loaded', () => 'blocked')");
    expect(outcome).toBe('blocked');
    expect(guard.violations).toEqual([expect.stringContaining('request to another host: GET http://cdn.outside.invalid/font.woff2')]);
    guard.clear();
  });

  test('lets same-origin, data: and blob: through', async ({ page, guard }) => {
    await page.goto('/healthz');
    const status = await page.evaluate("fetch('/healthz').then((r) => r.status)");
    expect(status).toBe(200);
    expect(guard.allows('data:image/png;base64,AAAA')).toBe(true);
    expect(guard.allows('blob:http://127.0.0.1/abc')).toBe(true);
    expect(guard.allows('http://localhost:1/')).toBe(false);
    expect(guard.violations).toEqual([]);
  });

  test('finds a message key shown on screen', async ({ page, guard }) => {
    await page.goto('/healthz');
    await page.evaluate("document.body.innerText = '户主 nav.households 共 12 户'");
    expect(await guard.scanForMessageKeys(page, 'self-test')).toEqual(['nav.households']);
    expect(guard.violations).toHaveLength(1);
    // The end-of-test scan would find it again: put translated text back first.
    await page.evaluate("document.body.innerText = '户主 共 12 户'");
    guard.clear();
  });

  test('hears the console report a missing key', async ({ page, guard }) => {
    await page.goto('/healthz');
    await page.evaluate(`console.error(${JSON.stringify(`${MISSING_KEY_MARKER}: zh-CN translation:intake.title`)})`);
    await expect.poll(() => guard.violations.length).toBe(1);
    expect(guard.violations[0]).toContain('intake.title');
    guard.clear();
  });

  test('records an uncaught error in the page', async ({ page, guard }) => {
    await page.goto('/healthz');
    await page.evaluate("setTimeout(() => { throw new Error('boom from the self-test'); }, 0)");
    await expect.poll(() => guard.violations.length).toBe(1);
    expect(guard.violations[0]).toContain('boom from the self-test');
    guard.clear();
  });
});

test.describe('findMessageKeys', () => {
  test('key-shaped words are keys; addresses, files and numbers are not', () => {
    expect(findMessageKeys('nav.households intake.head.phone.required errors.UNAVAILABLE')).toEqual([
      'nav.households',
      'intake.head.phone.required',
      'errors.UNAVAILABLE',
    ]);
    expect(findMessageKeys('距离 1.5 公里 · 见 README.md · station@dayi.gov.cn · www.example.org/x · 2026.12.01 · 户主：王泗。')).toEqual([]);
  });
});
