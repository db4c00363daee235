import { expect, test } from './fixtures';
import { IntakePage } from './pages/IntakePage';
import { SignInPage } from './pages/SignInPage';
import { DEMO, VILLAGE_ID } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { shootBoth } from './support/shootBoth';
import { sel } from '../../web/src/testing/selectors';

/**
 * Issue 11 item 6: an expired session returns to sign-in and, after signing
 * in again, to the unsaved form as it was typed. The session is ended under
 * the user by replacing the session cookie's value (what a server-side
 * expiry or a revoked token looks like to the browser: the next request is
 * 401 UNAUTHENTICATED).
 */
test('an expired session keeps the typed form: sign in again and it is all there', async ({ page, baseURL, shoot }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
  await page.goto('/households/new');
  const intake = new IntakePage(page);
  await expect(intake.form).toBeVisible();
  const typed = { villageId: VILLAGE_ID, headName: '尚未保存（合成）', headPhone: '139-0000-7788', size: '3', ageBands: ['AGE_7_17'], markers: ['DIBAO'] };
  await intake.fill(typed);

  const cookies = await page.context().cookies(baseURL);
  const session = cookies.find((c) => c.name.endsWith('huzhu_session'));
  expect(session, 'the session cookie').toBeDefined();
  await page.context().addCookies([{ ...session!, value: `${session!.value.slice(0, -8)}tampered` }]);

  await intake.submit();
  await expect(signIn.form).toBeVisible();
  await expect(signIn.expired).toBeVisible();
  await expect(page).toHaveURL(/redirectTo=/);
  await shootBoth(shoot, page, 'sign-in-expired');

  await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/households\/new$/);
  await expect(intake.field('villageId')).toHaveValue(typed.villageId);
  await expect(intake.field('head.name')).toHaveValue(typed.headName);
  await expect(intake.field('head.phone')).toHaveValue(typed.headPhone);
  await expect(intake.field('size')).toHaveValue(typed.size);
  await expect(page.getByTestId(sel.intake.ageBand('AGE_7_17'))).toBeChecked();
  await expect(page.getByTestId(sel.intake.marker('DIBAO'))).toBeChecked();

  // And it can now be sent as typed.
  const id = await intake.submitAndOpenHousehold();
  expect(id).toMatch(/^hh_/);
});

test('signing out removes the draft: the next person at this browser gets an empty form', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
  await page.goto('/households/new');
  const intake = new IntakePage(page);
  await intake.field('head.name').fill('不应留下（合成）');
  await page.getByTestId(sel.app.signOut).click();
  await expect(signIn.form).toBeVisible();
  expect(await page.evaluate("Object.keys(sessionStorage).filter((k) => k.startsWith('huzhu:draft:'))")).toEqual([]);

  await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
  await page.goto('/households/new');
  await expect(intake.field('head.name')).toHaveValue('');
});
