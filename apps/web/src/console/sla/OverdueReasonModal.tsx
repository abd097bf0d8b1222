import { App, Input, Modal } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api';
import { slaApi, type ClockView } from '../../api/sla';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';

/** SLA-04: a coordinator notes why an overdue order is late; the clock stops being flagged. */
export function OverdueReasonModal({
  target,
  onClose,
  onSaved,
}: {
  target: { orderId: string; clockId: string; initial: string } | null;
  onClose: () => void;
  onSaved: (clock: ClockView) => void;
}) {
  const { t } = useLabels();
  const { message } = App.useApp();
  const errorText = useErrorText();
  // The parent keys this modal by clock, so a new target starts from its own note.
  const [text, setText] = useState(target?.initial ?? '');
  const [busy, setBusy] = useState(false);

  async function save() {
    if (!target) return;
    setBusy(true);
    try {
      const clock = await slaApi.overdueReason(target.orderId, target.clockId, text);
      void message.success(t('atRisk.saved'));
      onSaved(clock);
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={target !== null}
      title={t('atRisk.reason')}
      okText={t('atRisk.save')}
      okButtonProps={{
        disabled: text.trim() === '',
        loading: busy,
        ...({ 'data-testid': 'atrisk-reason-save' } as Record<string, string>),
      }}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={text}
        placeholder={t('atRisk.reasonPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid="atrisk-reason-input"
      />
    </Modal>
  );
}
