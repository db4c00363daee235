import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

/** /sign-in: login name + password; the error notice says why a sign-in failed, with its code. */
export class SignInPage {
  readonly form: Locator;
  readonly error: Locator;
  readonly errorCode: Locator;
  readonly expired: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId(sel.signIn.form);
    this.error = page.getByTestId(sel.signIn.error);
    this.errorCode = this.error.getByTestId(sel.error.code);
    this.expired = page.getByTestId(sel.signIn.expired);
  }

  async open(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.form).toBeVisible();
  }

  /** Types the credentials, submits, and returns the HTTP status of POST /auth/login. */
  async submit(login: string, password: string): Promise<number> {
    await this.page.getByTestId(sel.signIn.login).fill(login);
    await this.page.getByTestId(sel.signIn.password).fill(password);
    const answer = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login' && r.request().method() === 'POST');
    await this.page.getByTestId(sel.signIn.submit).click();
    return (await answer).status();
  }

  /** Signs in and waits for the signed-in shell (the nav and who-am-I). */
  async signIn(login: string, password: string): Promise<void> {
    await this.submit(login, password);
    await expect(this.page.getByTestId(sel.app.whoAmI)).toBeVisible();
  }

  /** Submits, expects this HTTP status, and waits for the error notice to show this code. */
  async expectRefused(login: string, password: string, status: number, code: string): Promise<void> {
    expect(await this.submit(login, password), `POST /auth/login as ${login}`).toBe(status);
    await expect(this.errorCode).toHaveText(code);
  }
}
