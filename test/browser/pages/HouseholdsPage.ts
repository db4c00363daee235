import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** /households: the filtered, paginated list and the search box (searchHouseholds). */
export class HouseholdsPage {
  readonly list: Locator;
  readonly search: Locator;
  readonly searchResults: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId(sel.households.list);
    this.search = page.getByTestId(sel.households.search);
    this.searchResults = page.getByTestId(sel.households.searchResults);
  }

  async open(): Promise<void> {
    await this.page.goto('/households');
    await expect(this.list).toBeVisible();
  }

  async startRegistration(): Promise<void> {
    await this.page.getByTestId(sel.households.register).click();
    await expect(this.page.getByTestId(sel.intake.form)).toBeVisible();
  }

  /** Types the query key by key, as a user does (the list debounces), and waits for the results table. */
  async typeSearch(query: string): Promise<void> {
    await this.search.fill('');
    await this.search.pressSequentially(query, { delay: 40 });
    await expect(this.searchResults).toBeVisible();
  }

  resultRow(householdId: string): Locator {
    return this.searchResults.getByTestId(sel.households.row(householdId));
  }

  async openResult(householdId: string): Promise<void> {
    await this.resultRow(householdId).getByTestId(sel.households.rowLink(householdId)).click();
    await expect(this.page.getByTestId(sel.households.detail)).toBeVisible();
  }
}
