import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** /referrals: the coordinator's board, one column per status. */
export class ReferralBoardPage {
  readonly board: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByTestId(sel.referrals.board);
  }

  async open(): Promise<void> {
    await this.page.goto('/referrals');
    await expect(this.board).toBeVisible();
  }

  card(status: string, referralId: string): Locator {
    return this.page.getByTestId(sel.referrals.column(status)).getByTestId(sel.referrals.card(referralId));
  }
}
