import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** /households/:id: the record with its consents (record, withdraw) and needs (record, "where should it go?"). */
export class HouseholdPage {
  readonly detail: Locator;
  readonly consentPanel: Locator;
  readonly needsPanel: Locator;

  constructor(readonly page: Page) {
    this.detail = page.getByTestId(sel.households.detail);
    this.consentPanel = page.getByTestId(sel.consent.panel);
    this.needsPanel = page.getByTestId(sel.needs.panel);
  }

  async open(householdId: string): Promise<void> {
    await this.page.goto(`/households/${encodeURIComponent(householdId)}`);
    await expect(this.detail).toBeVisible();
  }

  /** Records a consent for these categories and organisations, valid until a date (YYYY-MM-DD). */
  async recordConsent(options: { categories: string[]; organizationIds: string[]; validUntil: string }): Promise<void> {
    const form = this.page.getByTestId(sel.consent.form);
    for (const code of options.categories) await form.getByTestId(sel.consent.category(code)).check();
    if (options.organizationIds.length > 0) await form.getByTestId(sel.consent.organization).selectOption(options.organizationIds);
    await form.getByTestId(sel.consent.validUntil).fill(options.validUntil);
    const before = await this.consentItems().count();
    await form.getByTestId(sel.consent.submit).click();
    await expect(this.consentItems()).toHaveCount(before + 1);
  }

  consentItems(): Locator {
    // sel.consent.item(id) with a consent id (cns_…)
    return this.consentPanel.getByTestId(/^consent-cns_/);
  }

  /** Records a need and returns its id (from the new item's "where should it go?" link). */
  async recordNeed(options: { category: string; urgency: string; description: string }): Promise<string> {
    const form = this.page.getByTestId(sel.needs.form);
    await form.getByTestId(sel.needs.category).selectOption(options.category);
    await form.getByTestId(sel.needs.urgency).selectOption(options.urgency);
    await form.getByTestId(sel.needs.description).fill(options.description);
    const matchLinks = this.needsPanel.getByTestId(/^need-match-/);
    const before = await matchLinks.count();
    await form.getByTestId(sel.needs.submit).click();
    await expect(matchLinks).toHaveCount(before + 1);
    const item = this.needsPanel.locator('li').filter({ hasText: options.description });
    const testId = await item.getByTestId(/^need-match-/).getAttribute('data-testid');
    return testId!.slice('need-match-'.length);
  }

  async openMatch(needId: string): Promise<void> {
    await this.page.getByTestId(sel.needs.match(needId)).click();
    await expect(this.page.getByTestId(sel.match.page)).toBeVisible();
  }
}
