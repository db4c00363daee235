import { expect, type Locator, type Page } from '@playwright/test';
import { sel } from '../../../web/src/testing/selectors';

export type Language = 'zh-CN' | 'en';

/** The signed-in frame: the role's nav, who is signed in, the language switch, sign-out. */
export class AppShell {
  readonly whoAmI: Locator;
  readonly languageSwitch: Locator;

  constructor(readonly page: Page) {
    this.whoAmI = page.getByTestId(sel.app.whoAmI);
    this.languageSwitch = page.getByTestId(sel.app.languageSwitch);
  }

  navLink(name: string): Locator {
    return this.page.getByTestId(sel.app.navLink(name));
  }

  async go(name: string): Promise<void> {
    await this.navLink(name).click();
  }

  /** Switches the console's language from the header and waits for <html lang> to follow. */
  async setLanguage(language: Language): Promise<void> {
    await this.languageSwitch.selectOption(language);
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId(sel.app.signOut).click();
    await expect(this.page.getByTestId(sel.signIn.form)).toBeVisible();
  }
}
