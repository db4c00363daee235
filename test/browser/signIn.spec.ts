import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { ApiClient } from './support/ApiClient';
import { DEMO, VILLAGE_ID } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { message } from './support/messages';
import { sel } from '../../web/src/testing/selectors';

test.describe('sign-in', () => {
  test('a wrong password is refused in words, with the code; the right one signs in and sign-out ends it', async ({ page, baseURL }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.expectRefused(DEMO.coordinator, `${DEMO_PASSWORD}-wrong`, 401, 'INVALID_CREDENTIALS');
    await expect(page.getByTestId(sel.signIn.password)).toHaveValue('');

    await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
    const shell = new AppShell(page);
    await expect(shell.whoAmI).toContainText('演示');
    const cookies = await page.context().cookies(baseURL);
    const session = cookies.find((c) => c.name === 'huzhu_session' || c.name === '__Host-huzhu_session');
    expect(session, `session cookie among ${cookies.map((c) => c.name).join(', ')}`).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');

    await shell.signOut();
    // The session is over: a protected screen sends back to sign-in.
    await page.goto('/households');
    await expect(page.getByTestId(sel.signIn.form)).toBeVisible();
    expect((await page.context().cookies(baseURL)).filter((c) => c.name.endsWith('huzhu_session'))).toEqual([]);
  });

  test('five wrong passwords lock the account; then even the right one is refused', async ({ page, baseURL }) => {
    // An account of its own (made by the demo admin), so locking it leaves the demo accounts usable.
    const login = `e2e-lock-${randomBytes(4).toString('hex')}`;
    const password = `right-${randomBytes(8).toString('hex')}`;
    const admin = await ApiClient.signIn(baseURL!, DEMO.admin, DEMO_PASSWORD);
    await admin.graphql(
      'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { login, displayName: '锁定测试（合成）', password, role: 'VOLUNTEER', villageIds: [VILLAGE_ID] } },
    );
    await admin.dispose();

    const signIn = new SignInPage(page);
    await signIn.open();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn.expectRefused(login, `wrong-${attempt}`, 401, 'INVALID_CREDENTIALS');
    }
    // The fifth wrong password locks it (its own answer may already say so).
    const fifth = await signIn.submit(login, 'wrong-5');
    expect([401, 423]).toContain(fifth);
    await signIn.expectRefused(login, password, 423, 'ACCOUNT_LOCKED');
    await expect(signIn.error).toContainText(message('zh-CN', 'signIn.errors.ACCOUNT_LOCKED'));
    await expect(page.getByTestId(sel.app.whoAmI)).toHaveCount(0);
  });
});
