import type { Page } from '@playwright/test';
import type { ScreenOptions } from '../fixtures';
import { AppShell } from '../pages/AppShell';

type Shoot = (page: Page, screen: string, options?: ScreenOptions) => Promise<void>;

/**
 * docs/screenshots/<screen>-zh-CN.png and <screen>-en.png of the screen as it
 * is now: shot in Chinese, switched to English from the header's language
 * switch (the screen keeps its state), shot again, switched back.
 */
export async function shootBoth(shoot: Shoot, page: Page, screen: string, options: ScreenOptions = {}): Promise<void> {
  const shell = new AppShell(page);
  await shoot(page, screen, options);
  await shell.setLanguage('en');
  await shoot(page, screen, options);
  await shell.setLanguage('zh-CN');
}
