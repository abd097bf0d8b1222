import type { Page } from 'playwright-core';

/** The input behind an antd control's test id (on the wrapper or on the input itself). */
export const antInput = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();

/** Types a value into an antd DatePicker (day or month picker) and confirms it. */
export async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  const input = antInput(page, testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Picks an option of an antd Select by its visible text. */
export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/**
 * The texts of an antd Table's rows that contain `text`, looking through every page of the table (the
 * demo's own records can push the ones a flow made onto a later page). Unless `all`, stops on the page
 * of the first match, so a caller can act on that row.
 */
export async function tableRows(page: Page, testId: string, text: string, all = false): Promise<string[]> {
  const table = page.getByTestId(testId);
  await table.locator('tbody tr').first().waitFor();
  const first = table.locator('.ant-pagination-item-1');
  if ((await first.count()) > 0) await first.click();
  const found: string[] = [];
  for (let i = 0; i < 50; i++) {
    const rows = table.locator('tbody tr', { hasText: text });
    if ((await rows.count()) > 0) {
      found.push(...(await rows.allTextContents()));
      if (!all) return found;
    }
    const next = table.locator('.ant-pagination-next:not(.ant-pagination-disabled)');
    if ((await next.count()) === 0) return found;
    await next.click();
  }
  return found;
}
