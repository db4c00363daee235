import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** /needs/:id/match: "where should this need go?" as ranked cards; send a referral from one. */
export class MatchPage {
  readonly root: Locator;
  readonly sent: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId(sel.match.page);
    this.sent = page.getByTestId(sel.match.sent);
  }

  card(serviceId: string): Locator {
    return this.page.getByTestId(sel.match.card(serviceId));
  }

  /**
   * Sends the referral from this service's card with a double click (the
   * console must send one: its idempotency key), and returns the referral id
   * from the confirmation's link.
   */
  async sendTo(serviceId: string): Promise<string> {
    await expect(this.card(serviceId)).toBeVisible();
    await this.page.getByTestId(sel.match.send(serviceId)).dblclick();
    await expect(this.sent).toBeVisible();
    const href = await this.sent.getByRole('link').getAttribute('href');
    const id = /\/referrals\/([^/?#]+)/.exec(href ?? '')?.[1];
    expect(id, `referral link in the confirmation: ${href}`).toBeTruthy();
    return decodeURIComponent(id!);
  }
}
