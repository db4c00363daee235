import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** /inbox: a partner NGO's referrals (the API scopes them to its organisation). */
export class InboxPage {
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId(sel.inbox.list);
  }

  async open(): Promise<void> {
    await this.page.goto('/inbox');
    await expect(this.list).toBeVisible();
  }

  item(referralId: string): Locator {
    return this.list.getByTestId(sel.inbox.item(referralId));
  }

  async openItem(referralId: string): Promise<void> {
    await this.item(referralId).getByRole('link').click();
    await expect(this.page.getByTestId(sel.referrals.detail)).toBeVisible();
  }
}
