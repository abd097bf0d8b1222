import type { Page } from 'playwright-core';

/** The demo tenant's password (README): every demo account uses it. */
export const DEMO_PASSWORD = 'daowei123';

/** Logs in through the real login form, as a person would. */
export async function loginInBrowser(page: Page, url: string, loginName: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(loginName);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}
