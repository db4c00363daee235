import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { DEMO, NGO_SERVICE_ID, VILLAGE_ID } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { message } from './support/messages';
import { shootBoth } from './support/shootBoth';
import { sel } from '../../web/src/testing/selectors';

test('an admin creates an account in the console; it signs in; once disabled, its session stops at its next request', async ({ page, openSession, shoot }) => {
  const login = `e2e-vol-${randomBytes(3).toString('hex')}`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const displayName = '志愿者（合成测试）';

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.admin, DEMO_PASSWORD);
  await new AppShell(page).go('accounts');
  await expect(page.getByTestId(sel.accounts.list)).toBeVisible();
  await shootBoth(shoot, page, 'accounts');

  await page.getByTestId(sel.accounts.create).click();
  const form = page.getByTestId(sel.accounts.form);
  await form.getByTestId(sel.accounts.field('login')).fill(login);
  await form.getByTestId(sel.accounts.field('password')).fill(password);
  await form.getByTestId(sel.accounts.field('displayName')).fill(displayName);
  await form.getByTestId(sel.accounts.field('role')).selectOption('VOLUNTEER');
  await form.getByTestId(sel.accounts.field('villageIds')).selectOption([VILLAGE_ID]);
  await shootBoth(shoot, page, 'account-form');
  await form.getByTestId(sel.accounts.submit).click();
  await expect(page.getByTestId(sel.accounts.row(login))).toContainText(displayName);

  const volunteer = await openSession();
  await new SignInPage(volunteer.page).open();
  await new SignInPage(volunteer.page).signIn(login, password);
  await expect(new AppShell(volunteer.page).whoAmI).toContainText(displayName);

  await page.getByTestId(sel.accounts.disable(login)).click();
  await expect(page.getByTestId(sel.accounts.row(login))).toContainText(message('zh-CN', 'accounts.disabled'));

  // The volunteer's next request is refused: back to sign-in.
  await volunteer.page.reload();
  await expect(volunteer.page.getByTestId(sel.signIn.form)).toBeVisible();
  await expect(new AppShell(volunteer.page).whoAmI).toHaveCount(0);
});

test('a partner NGO keeps its own service current: hours and contact saved and shown again after a reload', async ({ page, shoot }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.ngo, DEMO_PASSWORD);
  await new AppShell(page).go('services');
  const row = page.getByTestId(sel.services.row(NGO_SERVICE_ID));
  await expect(row).toBeVisible();

  const hours = `周一至周五 9:00–17:00（合成 ${randomBytes(2).toString('hex')}）`;
  await row.getByTestId(sel.services.hours(NGO_SERVICE_ID)).fill(hours);
  await row.getByTestId(sel.services.contact(NGO_SERVICE_ID)).fill('028-0000-0510');
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('hours'));
  await row.getByTestId(sel.services.save(NGO_SERVICE_ID)).click();
  expect((await saved).status()).toBe(200);
  await shootBoth(shoot, page, 'services', { phone: true });

  await page.reload();
  await expect(page.getByTestId(sel.services.hours(NGO_SERVICE_ID))).toHaveValue(hours);
  await expect(page.getByTestId(sel.services.contact(NGO_SERVICE_ID))).toHaveValue('028-0000-0510');
});

test('a screen that does not exist says so in words', async ({ page, shoot }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
  await page.goto('/no-such-screen');
  await expect(page.getByTestId(sel.app.notFound)).toBeVisible();
  await shootBoth(shoot, page, 'not-found');
});
