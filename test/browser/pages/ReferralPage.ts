import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** /referrals/:id: the referral, its timeline, the next steps the viewer may take, and its 帮扶记录. */
export class ReferralPage {
  readonly detail: Locator;
  readonly status: Locator;
  readonly timelineSteps: Locator;
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.detail = page.getByTestId(sel.referrals.detail);
    this.status = page.getByTestId(sel.referrals.status);
    this.timelineSteps = page.getByTestId(sel.referrals.timeline).getByTestId(sel.referrals.timelineStep);
    this.notFound = page.getByTestId(sel.app.notFound);
  }

  async open(referralId: string): Promise<void> {
    await this.page.goto(`/referrals/${encodeURIComponent(referralId)}`);
  }

  /** Takes a step (ACCEPTED, IN_PROGRESS, RESOLVED) and waits for the timeline to grow by one. */
  async act(status: string): Promise<void> {
    const before = await this.timelineSteps.count();
    await this.page.getByTestId(sel.referrals.action(status)).click();
    await expect(this.timelineSteps).toHaveCount(before + 1);
  }

  /** Records help given (帮扶记录) and waits for it in the list. */
  async recordAssistance(options: { action: string; outcome: string; note: string }): Promise<void> {
    const form = this.page.getByTestId(sel.assistance.form);
    await form.getByTestId(sel.assistance.action).fill(options.action);
    await form.getByTestId(sel.assistance.outcome).selectOption(options.outcome);
    await form.getByTestId(sel.assistance.note).fill(options.note);
    await form.getByTestId(sel.assistance.submit).click();
    await expect(this.page.getByTestId(sel.assistance.list).getByTestId(sel.assistance.item).filter({ hasText: options.action })).toBeVisible();
  }
}
