import type { ReactNode } from 'react';

/**
 * `optionRender` for antd Select: the option in the dropdown carries `data-testid="<prefix>-<value>"`,
 * while the chosen value shows a plain label (so a test id never appears twice on the page).
 */
export const optionTestId =
  (prefix: string) =>
  (o: { value?: unknown; label?: ReactNode }): ReactNode => (
    <span data-testid={`${prefix}-${String(o.value)}`}>{o.label}</span>
  );
