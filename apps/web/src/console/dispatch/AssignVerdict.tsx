import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InsertionVerdict } from '../../api/dispatch';
import { hhmm } from './minutes';

export type PendingDrop = InsertionVerdict & {
  orderId: string;
  orderNumber: string;
  engineerId: string;
  engineer: string;
};

/**
 * DSP-04 verdict of a drag, shown at once; a feasible one can be confirmed, which assigns the order
 * (the server checks again in the same transaction and refuses if the day changed meanwhile).
 */
export function AssignVerdict({
  verdict,
  busy,
  onConfirm,
  onClose,
}: {
  verdict: PendingDrop;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      data-testid="dispatch-verdict"
      data-feasible={String(verdict.feasible)}
      type={verdict.feasible ? (verdict.reason === 'late' ? 'warning' : 'success') : 'error'}
      closable
      onClose={onClose}
      message={t(verdict.feasible ? 'dispatchBoard.verdictOk' : 'dispatchBoard.verdictNo', {
        order: verdict.orderNumber,
        engineer: verdict.engineer,
        start: verdict.start === null ? '—' : hhmm(verdict.start),
        reason:
          verdict.reason === 'pinned'
            ? t('dispatchAssign.pinned')
            : t(`dispatchBoard.checkReasons.${verdict.reason}` as 'dispatchBoard.checkReasons.ok', {
                defaultValue: verdict.reason,
              }),
      })}
      description={verdict.parts === 'short' ? t('dispatchDay.verdictPartsShort') : undefined}
      action={
        verdict.feasible ? (
          <Button size="small" type="primary" data-testid="dispatch-confirm-assign" loading={busy} onClick={onConfirm}>
            {t('dispatchAssign.confirm', { engineer: verdict.engineer })}
          </Button>
        ) : undefined
      }
    />
  );
}
