import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { ReferralPage } from './pages/ReferralPage';
import { SignInPage } from './pages/SignInPage';
import { ApiClient } from './support/ApiClient';
import { DEMO, NGO_ORGANIZATION_ID, VILLAGE_ID } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { sel } from '../../web/src/testing/selectors';

interface Match {
  service: { id: string; organization: { id: string } };
}

/**
 * A referral addressed to another organisation, made through the API by the
 * demo coordinator: the suite's own data, so the test does not depend on what
 * the seed happens to hold.
 */
async function referralToAnotherOrganisation(baseURL: string, headName: string): Promise<string> {
  const api = await ApiClient.signIn(baseURL, DEMO.coordinator, DEMO_PASSWORD);
  try {
    const { registerHousehold } = await api.graphql<{ registerHousehold: { id: string } }>(
      'mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
      { input: { villageId: VILLAGE_ID, size: 1, memberAgeBands: ['AGE_80_PLUS'], markers: ['SOLITARY_ELDERLY'], head: { name: headName } } },
    );
    const { recordNeed } = await api.graphql<{ recordNeed: { id: string } }>(
      'mutation ($input: RecordNeedInput!) { recordNeed(input: $input) { id } }',
      { input: { householdId: registerHousehold.id, category: 'ELDERLY_CARE', urgency: 'MEDIUM' } },
    );
    const { matchNeed } = await api.graphql<{ matchNeed: { matches?: Match[] } }>(
      'query ($id: ID!) { matchNeed(needId: $id) { ... on Matched { matches { service { id organization { id } } } } } }',
      { id: recordNeed.id },
    );
    const elsewhere = (matchNeed.matches ?? []).find((m) => m.service.organization.id !== NGO_ORGANIZATION_ID);
    expect(elsewhere, 'a service of another organisation among the matches').toBeDefined();
    const { createReferral } = await api.graphql<{ createReferral: { referral: { id: string } } }>(
      'mutation ($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }',
      { input: { needId: recordNeed.id, serviceId: elsewhere!.service.id, idempotencyKey: randomUUID(), consentOverrideReason: '电话口头同意（合成测试数据）' } },
    );
    return createReferral.referral.id;
  } finally {
    await api.dispose();
  }
}

test('a partner NGO cannot open another organisation’s referral by its URL, and none of it reaches the browser', async ({ page, openSession, baseURL }) => {
  const headName = '苗思远';
  const referralId = await referralToAnotherOrganisation(baseURL!, headName);

  // Control: the coordinator who made it opens the same URL and sees it.
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(DEMO.coordinator, DEMO_PASSWORD);
  const asCoordinator = new ReferralPage(page);
  await asCoordinator.open(referralId);
  await expect(asCoordinator.detail).toContainText(headName);

  const ngo = await openSession();
  const bodies: string[] = [];
  ngo.page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/graphql') void response.text().then((t) => bodies.push(t), () => undefined);
  });
  await new SignInPage(ngo.page).open();
  await new SignInPage(ngo.page).signIn(DEMO.ngo, DEMO_PASSWORD);
  const asNgo = new ReferralPage(ngo.page);
  await asNgo.open(referralId);
  // "Not found, or not yours" — the same answer as for an id that does not exist (no existence leak).
  const refused = asNgo.notFound.or(ngo.page.getByTestId(sel.error.code).filter({ hasText: /^(NOT_FOUND|FORBIDDEN)$/ }));
  await expect(refused).toBeVisible();
  await expect(asNgo.detail).toHaveCount(0);
  await expect(ngo.page.locator('body')).not.toContainText(headName);
  await expect.poll(() => bodies.length).toBeGreaterThan(0);
  expect(bodies.filter((b) => b.includes(headName))).toEqual([]);
});
