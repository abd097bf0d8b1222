import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageClaimView } from '../../api/coverageClaims';

const COLOUR: Record<CoverageClaimView['state'], string> = {
  claimed: 'orange',
  confirmed: 'processing',
  rejected: 'default',
  closed: 'success',
};

/** A coverage claim's state (WO-09/10); a confirmed claim past its 7-day deadline shows as overdue. */
export function ClaimStateTag({ claim, testId }: { claim: CoverageClaimView; testId: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={claim.overdue ? 'error' : COLOUR[claim.state]} data-testid={testId} data-state={claim.state}>
      {t(`coverageClaims.states.${claim.state}`)}
      {claim.overdue && ` · ${t('coverageClaims.overdue')}`}
    </Tag>
  );
}
