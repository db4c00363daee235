import { DEMO_PASSWORD } from './support/e2eEnv';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { HouseholdPage } from './pages/HouseholdPage';
import { HouseholdsPage } from './pages/HouseholdsPage';
import { InboxPage } from './pages/InboxPage';
import { IntakePage } from './pages/IntakePage';
import { MatchPage } from './pages/MatchPage';
import { ReferralBoardPage } from './pages/ReferralBoardPage';
import { ReferralPage } from './pages/ReferralPage';
import { SignInPage } from './pages/SignInPage';
import { ApiClient } from './support/ApiClient';
import { DEMO, HEAD, NGO_ORGANIZATION_ID, NGO_SERVICE_ID, VILLAGE_ID } from './support/demo';
import { message } from './support/messages';
import { shootBoth } from './support/shootBoth';

/** A date a year from now, as the consent form's date input takes it. */
function inAYear(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Issue 11 "Done when", the whole path in one browser run: a coordinator
 * registers a household (one invalid field first), records consent and a
 * need, finds the household again by pinyin, opens the match and sends a
 * referral; the NGO it went to accepts, resolves and records assistance; the
 * coordinator sees it resolved on the board. Two users, two browser contexts.
 */
test('a household goes from intake to a resolved referral, coordinator and partner NGO in the browser', async ({ page, openSession, shoot, baseURL }) => {
  const coordinator = page;
  const shell = new AppShell(coordinator);
  let householdId = '';
  let needId = '';
  let referralId = '';

  await test.step('the coordinator signs in', async () => {
    const signIn = new SignInPage(coordinator);
    await signIn.open();
    await shootBoth(shoot, coordinator, 'sign-in', { phone: true });
    await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
    await expect(shell.whoAmI).toContainText('演示');
    await expect(coordinator).toHaveURL(/\/households/);
    await shootBoth(shoot, coordinator, 'households', { phone: true });
  });

  const intake = new IntakePage(coordinator);
  await test.step('registers a household with one invalid field and sees the error beside it', async () => {
    await new HouseholdsPage(coordinator).startRegistration();
    await intake.fill({
      villageId: VILLAGE_ID,
      headName: HEAD.name,
      headPhone: '电话未知', // not a phone number: the API answers BAD_USER_INPUT at input.head.phone
      size: '2',
      ageBands: ['AGE_80_PLUS', 'AGE_60_79'],
      markers: ['SOLITARY_ELDERLY'],
    });
    await intake.submit();
    await intake.expectErrorBeside('head.phone');
    // Only that field: the others were valid.
    await expect(intake.fieldError('head.name')).toHaveCount(0);
    await expect(intake.fieldError('size')).toHaveCount(0);
    await shootBoth(shoot, coordinator, 'household-intake-error', { phone: true });
  });

  await test.step('fixes it and registers the household', async () => {
    await intake.field('head.phone').fill('138-0000-0511'); // synthetic: the 0000 block marks it fake
    householdId = await intake.submitAndOpenHousehold();
    expect(householdId).toMatch(/^hh_/);
    await expect(coordinator.getByText(HEAD.name).first()).toBeVisible();
  });

  const household = new HouseholdPage(coordinator);
  await test.step('records consent and a need', async () => {
    await household.recordConsent({ categories: ['ELDERLY_CARE'], organizationIds: [NGO_ORGANIZATION_ID], validUntil: inAYear() });
    needId = await household.recordNeed({ category: 'ELDERLY_CARE', urgency: 'HIGH', description: '独居高龄，需要每周上门探访（合成数据）' });
    expect(needId).toMatch(/^need_/);
    await shootBoth(shoot, coordinator, 'household');
  });

  await test.step('finds the household again by typing the head’s name in pinyin', async () => {
    const households = new HouseholdsPage(coordinator);
    await shell.go('households');
    await households.typeSearch(HEAD.pinyin);
    await expect(households.resultRow(householdId)).toBeVisible();
    await expect(households.resultRow(householdId)).toContainText(HEAD.name);
    await shootBoth(shoot, coordinator, 'household-search');
    await households.openResult(householdId);
  });

  await test.step('opens the match and sends the referral (a double click sends one)', async () => {
    await household.openMatch(needId);
    const match = new MatchPage(coordinator);
    await expect(match.card(NGO_SERVICE_ID)).toBeVisible();
    await shootBoth(shoot, coordinator, 'match');
    referralId = await match.sendTo(NGO_SERVICE_ID);
    expect(referralId).toMatch(/^ref_/);
  });

  const ngo = await openSession();
  const referral = new ReferralPage(ngo.page);
  await test.step('the NGO it went to signs in and finds it in the inbox', async () => {
    const signIn = new SignInPage(ngo.page);
    await signIn.open();
    await signIn.signIn(DEMO.ngo, DEMO_PASSWORD);
    const inbox = new InboxPage(ngo.page);
    await expect(ngo.page).toHaveURL(/\/inbox/);
    await expect(inbox.item(referralId)).toBeVisible();
    await expect(inbox.item(referralId)).toContainText(HEAD.name);
    await shootBoth(shoot, ngo.page, 'inbox', { phone: true });
    await inbox.openItem(referralId);
  });

  await test.step('accepts it, resolves it and records assistance', async () => {
    await referral.act('ACCEPTED');
    await expect(referral.status).toHaveText(message('zh-CN', 'enums.ReferralStatus.ACCEPTED'));
    await referral.act('RESOLVED');
    await expect(referral.status).toHaveText(message('zh-CN', 'enums.ReferralStatus.RESOLVED'));
    await referral.recordAssistance({ action: '上门探访并联系助餐点（合成）', outcome: 'HELPED', note: '每周二上门（合成数据）' });
    await shootBoth(shoot, ngo.page, 'referral', { phone: true });
  });

  await test.step('the coordinator sees it resolved on the board', async () => {
    const board = new ReferralBoardPage(coordinator);
    await shell.go('referrals');
    await expect(board.board).toBeVisible();
    await expect(board.card('RESOLVED', referralId)).toBeVisible();
    await expect(board.card('SENT', referralId)).toHaveCount(0);
    await shootBoth(shoot, coordinator, 'referral-board');
  });

  await test.step('exactly one referral was sent for the need, despite the double click', async () => {
    const api = await ApiClient.signIn(baseURL!, DEMO.coordinator, DEMO_PASSWORD);
    const { referrals } = await api.graphql<{ referrals: { totalCount: number } }>(
      'query ($needId: ID!) { referrals(filter: { needId: $needId }) { totalCount } }',
      { needId },
    );
    await api.dispose();
    expect(referrals.totalCount).toBe(1);
  });
});
