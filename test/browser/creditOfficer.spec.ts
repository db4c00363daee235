import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { ApiClient } from './support/ApiClient';
import { DEMO } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { message } from './support/messages';
import { shootBoth } from './support/shootBoth';
import { sel } from '../../web/src/testing/selectors';

/**
 * Issue 15 item 3 in the console: the credit company's view. A CREDIT_OFFICER (demo-credit-officer, bound to the
 * seed's first officer) sees its own caseload and borrowers — and no other officer's borrower id reaches the page
 * in any answer; an ADMIN sees the officers and the loan book beside the annual report; a coordinator sees the
 * workload of liaisons, volunteers and development officers.
 */
const CREDIT_OFFICER_LOGIN = 'demo-credit-officer';
const HOUSEHOLD_ID = /hh_[A-Za-z0-9_-]+/g;

interface BorrowerPage {
  households: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ id: string; loan: { creditOfficer: { id: string } | null } | null }> };
}

/** Every household with a loan, by its officer (read as an ADMIN over the API). */
async function borrowersByOfficer(admin: ApiClient): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: BorrowerPage = await admin.graphql<BorrowerPage>(
      'query($after: String) { households(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id loan { creditOfficer { id } } } } }',
      { after },
    );
    for (const h of page.households.nodes) {
      const officer = h.loan?.creditOfficer?.id;
      if (officer) out.set(officer, new Set([...(out.get(officer) ?? []), h.id]));
    }
    if (!page.households.pageInfo.hasNextPage) break;
    after = page.households.pageInfo.endCursor;
  }
  return out;
}

test('a credit officer sees its own borrowers and caseload, and no other officer\'s borrower reaches the page', async ({ page, shoot, baseURL }) => {
  const admin = await ApiClient.signIn(baseURL!, DEMO.admin, DEMO_PASSWORD);
  // The officer the demo account is bound to: its own (only) caseload row.
  const asOfficer = await ApiClient.signIn(baseURL!, CREDIT_OFFICER_LOGIN, DEMO_PASSWORD);
  const ownRow = await asOfficer.graphql<{ creditOfficers: Array<{ officer: { id: string } }> }>('{ creditOfficers { officer { id } } }');
  await asOfficer.dispose();
  expect(ownRow.creditOfficers).toHaveLength(1);
  const officerId = ownRow.creditOfficers[0]!.officer.id;
  const byOfficer = await borrowersByOfficer(admin);
  await admin.dispose();
  const own = byOfficer.get(officerId) ?? new Set<string>();
  const others = new Set([...byOfficer.entries()].filter(([id]) => id !== officerId).flatMap(([, ids]) => [...ids]));
  expect(own.size).toBeGreaterThan(0);
  expect(others.size).toBeGreaterThan(0);

  // Every answer the page receives, read as text: no other officer's borrower id in any of them.
  const answers: Promise<string>[] = [];
  const onResponse = (response: Response) => {
    if (new URL(response.url()).pathname === '/graphql') answers.push(response.text().catch(() => ''));
  };
  page.on('response', onResponse);

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(CREDIT_OFFICER_LOGIN, DEMO_PASSWORD);
  const shell = new AppShell(page);
  await expect(page).toHaveURL(/\/credit$/);
  await expect(shell.navLink('credit')).toBeVisible();
  // Nothing else in the nav: no household list, referrals, map or workload.
  for (const name of ['households', 'referrals', 'map', 'workload', 'accounts']) await expect(shell.navLink(name)).toHaveCount(0);

  await expect(page.getByTestId(sel.credit.officerScreen)).toBeVisible();
  await expect(page.getByTestId(sel.credit.borrowerTotal)).toContainText(String(own.size));
  const rows = page.getByTestId(sel.credit.borrowers).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const shownIds = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid') ?? ''))).map((id) => id.replace('credit-borrower-', ''));
  expect(shownIds.length).toBeGreaterThan(0);
  for (const id of shownIds) expect(own.has(id), `${id} is the officer's own borrower`).toBe(true);
  await expect(page.getByTestId(sel.credit.caseload)).toContainText(message('zh-CN', 'credit.own.noReferrals'));
  await shootBoth(shoot, page, 'credit-officer', { phone: true });

  // The next page of borrowers, then a case-work screen typed in by hand: refused, nothing of another family shown.
  if (own.size > 20) {
    await page.getByTestId(sel.households.nextPage).click();
    await expect(rows.first()).toBeVisible();
  }
  await page.goto('/households');
  await expect(page.getByTestId(sel.households.list)).toHaveCount(0);

  page.off('response', onResponse);
  const texts = await Promise.all(answers);
  expect(texts.length).toBeGreaterThan(0);
  const seen = new Set(texts.flatMap((t) => t.match(HOUSEHOLD_ID) ?? []));
  const leaked = [...seen].filter((id) => others.has(id));
  expect(leaked, 'household ids of other officers\' borrowers in the answers the page received').toEqual([]);
  expect([...seen].filter((id) => own.has(id)).length).toBeGreaterThan(0);
});

test('an admin sees the credit officers and the loan book by purpose beside the annual report, by township and by amount', async ({ page, shoot }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.admin, DEMO_PASSWORD);
  await new AppShell(page).go('credit');
  await expect(page.getByTestId(sel.credit.portfolioScreen)).toBeVisible();
  await expect(page.getByTestId(sel.credit.officers).locator('tbody tr')).not.toHaveCount(0);
  for (const purpose of ['COMMERCE', 'LIVESTOCK', 'PLANTING', 'OTHER']) {
    await expect(page.getByTestId(sel.credit.purpose(purpose))).toBeVisible();
  }
  // The report's three years beside the seed's share, and the calibration said in words.
  await expect(page.getByTestId(sel.credit.purpose('COMMERCE'))).toContainText('52% → 54% → 58%');
  await expect(page.getByTestId(sel.credit.calibration)).toContainText('合成数据');
  await expect(page.getByTestId(sel.credit.amountBand('UNDER_10K'))).toBeVisible();
  await expect(page.getByTestId(sel.credit.townships).locator('tbody tr')).toHaveCount(11);
  await expect(page.getByTestId(sel.credit.bridging)).toContainText(message('zh-CN', 'credit.bridging.title'));
  await shootBoth(shoot, page, 'credit-portfolio');
  // The book itself: purposes beside the report, the bridging loans and the amount bands (below the officers' table).
  await page.getByTestId(sel.credit.purposes).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await shootBoth(shoot, page, 'credit-portfolio-book');
});

test("a coordinator sees its liaisons' and volunteers' workload and the development officers against the target of 20", async ({ page, shoot }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.coordinator, DEMO_PASSWORD);
  await new AppShell(page).go('workload');
  await expect(page.getByTestId(sel.workload.screen)).toBeVisible();
  await expect(page.getByTestId(sel.workload.table).locator('tbody tr')).not.toHaveCount(0);
  await expect(page.getByTestId(sel.workload.officersSummary)).toContainText('/ 20');
  await shootBoth(shoot, page, 'workload');
});
