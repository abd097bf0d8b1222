import type { Page } from 'playwright-core';

/**
 * The phone's completion form: handling minutes and remark, then submit. antd-mobile puts the test id
 * on the wrapper or on the input itself depending on the control, so both are tried.
 */
export async function submitPhoneCompletion(page: Page, minutes: number, remark: string): Promise<void> {
  await page.getByTestId('action-complete').click();
  await page
    .getByTestId('complete-handling-minutes')
    .locator('input')
    .or(page.locator('input[data-testid="complete-handling-minutes"]'))
    .first()
    .fill(String(minutes));
  await page
    .getByTestId('complete-remark')
    .locator('textarea')
    .or(page.locator('textarea[data-testid="complete-remark"]'))
    .first()
    .fill(remark);
  await page.getByTestId('complete-submit').click();
}
