import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { DEMO, NGO_ORGANIZATION_ID } from './support/demo';
import { DEMO_PASSWORD } from './support/e2eEnv';
import { shootBoth } from './support/shootBoth';
import { sel } from '../../web/src/testing/selectors';
import type { MapSummary } from '../../web/src/features/network-map/model/mapSummary';

/** The map's rendered-graph summary (the canvas's data-summary attribute: what sigma was given to draw). */
async function mapSummary(page: Page): Promise<MapSummary> {
  const raw = await page.getByTestId(sel.map.canvas).getAttribute('data-summary');
  return JSON.parse(raw ?? '{}') as MapSummary;
}

test('a designer opens the map of the whole seeded network: the three statuses are drawn apart, geographic layout, a single point of failure highlighted', async ({ page, shoot }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.designer, DEMO_PASSWORD);
  await new AppShell(page).go('map');
  await expect(page.getByTestId(sel.map.screen)).toBeVisible();
  // The force layout runs in its worker, then settles.
  await expect(page.getByTestId(sel.map.canvas)).toHaveAttribute('data-layout', 'force');
  await expect.poll(async () => (await mapSummary(page)).layout, { timeout: 20_000 }).toBe('force');

  // The whole seeded network: every relationship the API lists is an edge of the rendered graph.
  const totals = await page.evaluate(async () => {
    const r = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ relationships(first: 1) { totalCount } villages(first: 1) { totalCount } townships(first: 1) { totalCount } }' }),
    });
    return ((await r.json()) as { data: { relationships: { totalCount: number }; villages: { totalCount: number }; townships: { totalCount: number } } }).data;
  });
  const summary = await mapSummary(page);
  expect(summary.nodes).toBeGreaterThanOrEqual(totals.villages.totalCount + totals.townships.totalCount);
  expect(summary.edges).toBeGreaterThanOrEqual(totals.relationships.totalCount);

  // ESTABLISHED, BUILDING and PROSPECTIVE edges: each present, each with one colour and one width, all three different.
  const { ESTABLISHED, BUILDING, PROSPECTIVE } = summary.byStatus;
  for (const s of [ESTABLISHED, BUILDING, PROSPECTIVE]) {
    expect(s.count).toBeGreaterThan(0);
    expect(s.colors).toHaveLength(1);
    expect(s.sizes).toHaveLength(1);
  }
  expect(new Set([ESTABLISHED.colors[0], BUILDING.colors[0], PROSPECTIVE.colors[0]]).size).toBe(3);
  expect(ESTABLISHED.sizes[0]).toBeGreaterThan(BUILDING.sizes[0]!);
  expect(BUILDING.sizes[0]).toBeGreaterThan(PROSPECTIVE.sizes[0]!);

  // Filter: without PROSPECTIVE, no prospective edge is drawn.
  await page.getByTestId(sel.map.status('PROSPECTIVE')).uncheck();
  await expect.poll(async () => (await mapSummary(page)).byStatus.PROSPECTIVE.count).toBe(0);
  await page.getByTestId(sel.map.status('PROSPECTIVE')).check();
  await expect.poll(async () => (await mapSummary(page)).byStatus.PROSPECTIVE.count).toBe(PROSPECTIVE.count);

  // Geographic layout.
  await page.getByTestId(sel.map.layout('geographic')).click();
  await expect.poll(async () => (await mapSummary(page)).layout).toBe('geographic');
  await expect(page.getByTestId(sel.map.legend)).toBeVisible();

  // A single point of failure: highlighted on the map, with its summary in words.
  const first = page.getByTestId(sel.map.spofList).locator('button').first();
  const testId = (await first.getAttribute('data-testid')) ?? '';
  const spofId = testId.replace(/^map-spof-/, '');
  await first.click();
  await expect(page.getByTestId(sel.map.spofSummary)).toBeVisible();
  await expect.poll(async () => (await mapSummary(page)).highlighted).toContain(spofId);

  // Search a node and open its card.
  await page.getByTestId(sel.map.search).fill('晋原街道');
  await page.getByTestId(sel.map.searchHit('twp_510129001000')).click();
  await expect(page.getByTestId(sel.map.card)).toContainText('晋原街道');

  await shootBoth(shoot, page, 'map');
});

test('a partner NGO browses and searches the directory, and no household field or id reaches its browser', async ({ page, shoot }) => {
  const bodies: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const path = new URL(response.url()).pathname;
    if (path === '/graphql' || path.startsWith('/auth/')) pending.push(response.text().then((t) => void bodies.push(t)).catch(() => undefined));
  });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(DEMO.ngo, DEMO_PASSWORD);
  await page.goto('/directory');
  await expect(page.getByTestId(sel.directory.list)).toBeVisible();
  await page.getByTestId(sel.directory.org(NGO_ORGANIZATION_ID)).click();
  await expect(page.getByTestId(sel.directory.detail)).toBeVisible();
  await page.getByTestId(sel.directory.search).fill('晋原');
  await expect(page.getByTestId(sel.directory.org(NGO_ORGANIZATION_ID))).toBeVisible();
  await shootBoth(shoot, page, 'directory');
  await Promise.all(pending);

  expect(bodies.length).toBeGreaterThan(2);
  const all = bodies.join('\n');
  // No household id (hh_…), no Household object, no household field or count.
  expect(all).not.toMatch(/"hh_[^"]*"/);
  expect(all).not.toMatch(/"__typename":"Household"/);
  expect(all).not.toMatch(/"(household|households|householdId|householdCode|head|members|markers|householdsCovered|vulnerableHouseholds)"\s*:/);
});
