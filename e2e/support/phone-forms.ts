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

/**
 * ENG-05 on the phone: the diagnosis of the visit (reproduced, minutes observed, cause, finding), saved
 * through the outbox; waits until the panel says it is recorded (sent, or queued when offline).
 */
export async function recordPhoneDiagnosis(
  page: Page,
  d: { reproduced?: string; minutes?: number; cause?: string; finding?: string } = {},
): Promise<void> {
  const panel = page.getByTestId('diagnosis');
  await panel.waitFor();
  await page
    .getByTestId('diagnosis-reproduced')
    .getByText(d.reproduced ?? '已复现', { exact: true })
    .click();
  await page
    .getByTestId('diagnosis-minutes')
    .locator('input')
    .or(page.locator('input[data-testid="diagnosis-minutes"]'))
    .first()
    .fill(String(d.minutes ?? 15));
  await page
    .getByTestId('diagnosis-cause')
    .getByText(d.cause ?? '我方原因', { exact: true })
    .click();
  await page
    .getByTestId('diagnosis-finding')
    .locator('textarea')
    .or(page.locator('textarea[data-testid="diagnosis-finding"]'))
    .first()
    .fill(d.finding ?? '分光器端口接头松动，重新熔接后恢复');
  await page.getByTestId('diagnosis-save').click();
  await page.locator('[data-testid="diagnosis"][data-recorded="true"]').waitFor();
}
