import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { ApiClient } from './support/ApiClient';
import { ClockedServer } from './support/ClockedServer';
import { DEMO, NGO_SERVICE_ID, VILLAGE_ID } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { PageGuard } from './support/PageGuard';
import { sel } from '../../web/src/testing/selectors';

/**
 * Issue 15 item 5 and issue 14 item 4 in the console: a coordinator is told of
 * a referral gone overdue (the header's badge) and opens it; a partner NGO
 * confirms a stale service in one click. All households are synthetic.
 */

test('a coordinator sees the overdue-referral badge, opens the alert and lands on the referral', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'memory', 'the clocked server is an in-memory store of its own: run once');
  // A referral goes overdue after 24 hours at the earliest: this server's clock is moved instead of waiting.
  const server = await ClockedServer.start();
  const guard = new PageGuard(server.baseURL);
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  try {
    await guard.attach(context);
    const api = await ApiClient.signIn(server.baseURL, DEMO.coordinator, DEMO_PASSWORD);
    const household = await api.graphql<{ registerHousehold: { id: string } }>('mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }', {
      input: { villageId: VILLAGE_ID, size: 1, memberAgeBands: ['AGE_80_PLUS'], markers: ['SOLITARY_ELDERLY'], head: { name: '提醒测试户（合成）' } },
    });
    const householdId = household.registerHousehold.id;
    await api.graphql('mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', { input: { householdId, categories: ['ELDERLY_CARE'] } });
    const need = await api.graphql<{ recordNeed: { id: string } }>('mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }', {
      input: { householdId, category: 'ELDERLY_CARE', urgency: 'CRITICAL' },
    });

    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
    // Nothing overdue yet: the bell is there, with no count.
    await expect(page.getByTestId(sel.alerts.bell)).toBeVisible();
    await expect(page.getByTestId(sel.alerts.badge)).toHaveCount(0);
    // The match card says the seeded station service's details were never confirmed (stale).
    await page.goto(`/needs/${need.recordNeed.id}/match`);
    await expect(page.getByTestId(sel.staleServices.matchFlag(NGO_SERVICE_ID))).toBeVisible();

    const sent = await api.graphql<{ createReferral: { referral: { id: string } } }>('mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }', {
      input: { needId: need.recordNeed.id, serviceId: NGO_SERVICE_ID, idempotencyKey: randomUUID() },
    });
    const referralId = sent.createReferral.referral.id;
    await api.dispose();

    // A day and an hour later the periodic scan finds it (run now rather than waiting for its interval).
    server.advanceHours(25);
    const report = await server.scanner.scanNow();
    expect(report?.created.map((a) => a.referralId)).toEqual([referralId]);
    await page.reload();
    await expect(page.getByTestId(sel.alerts.badge)).toHaveText('1');

    await page.getByTestId(sel.alerts.bell).click();
    const alertId = report!.created[0]!.id;
    await expect(page.getByTestId(sel.alerts.item(alertId))).toBeVisible();
    await page.getByTestId(sel.alerts.open(alertId)).click();
    await expect(page).toHaveURL(new RegExp(`/referrals/${referralId}$`));
    await expect(page.getByTestId(sel.referrals.detail)).toBeVisible();
    // Opened: read, so the badge is gone.
    await expect(page.getByTestId(sel.alerts.badge)).toHaveCount(0);
    for (const open of context.pages()) await guard.scanForMessageKeys(open, `end of test, ${open.url()}`);
    expect(guard.violations, 'the console requested another host, showed a message key, threw or broke its CSP').toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a partner NGO confirms a stale service in one click, and it leaves the list', async ({ page, baseURL }) => {
  // Synthetic upkeep: the admin records that the station's service was last confirmed 200 days ago (stale at 180).
  const admin = await ApiClient.signIn(baseURL!, DEMO.admin, DEMO_PASSWORD);
  const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
  await admin.graphql('mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }', { id: NGO_SERVICE_ID, input: { confirmedOn: longAgo } });
  await admin.dispose();

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.ngo, DEMO_PASSWORD);
  await new AppShell(page).go('services');
  const row = page.getByTestId(sel.staleServices.row(NGO_SERVICE_ID));
  await expect(row).toBeVisible();
  await row.getByTestId(sel.staleServices.confirm(NGO_SERVICE_ID)).click();
  await expect(row).toHaveCount(0);
  // Stored, not just hidden: after a reload it is still off the list, and the service shows today's confirmation.
  await page.reload();
  await expect(page.getByTestId(sel.staleServices.list)).toBeVisible();
  await expect(page.getByTestId(sel.staleServices.row(NGO_SERVICE_ID))).toHaveCount(0);
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByTestId(sel.services.confirmedOn(NGO_SERVICE_ID))).toHaveValue(today);
});
