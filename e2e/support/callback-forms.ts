import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the agent writes down for a dissatisfied customer whose problem is not solved. */
export interface DissatisfiedAnswer {
  rootCause: string;
  suggestion: string;
  /** The improvement action's measure; its owner is the first person found by "王", due today. */
  measure: string;
}

/**
 * CB-02 in the callback queue (/callbacks, already open): pick the order's task, follow the script to the
 * dissatisfied branch, record "not solved" with root cause, suggestion and an improvement action, and
 * wait for the console to say the order was reopened.
 */
export async function recordDissatisfiedCallback(page: Page, orderNumber: string, answer: DissatisfiedAnswer) {
  const row = page.getByTestId(`cb-row-${orderNumber}`);
  await row.waitFor();
  await row.click();
  await page.getByTestId('cb-script-problem_solved').waitFor();
  await page.getByTestId('cb-sat-dissatisfied').click();
  // CB-02: the dissatisfied branch of the script appears with its fields.
  await page.getByTestId('cb-script-root_cause').waitFor();
  await page.getByTestId('cb-problem-solved').click();
  await page.getByTestId('cb-root-cause').fill(answer.rootCause);
  await page.getByTestId('cb-suggestion').fill(answer.suggestion);
  await page.getByTestId('cb-improvement-owner').click();
  await page.keyboard.type('王');
  await page.locator('.ant-select-item-option').first().click();
  await page.getByTestId('cb-improvement-measure').fill(answer.measure);
  await page.getByTestId('cb-improvement-due').click();
  await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-today').first().click();
  await page.getByTestId('cb-submit').click();
  await expect.poll(() => page.getByTestId('success-message').textContent()).toMatch(/重新打开|reopened/);
}
