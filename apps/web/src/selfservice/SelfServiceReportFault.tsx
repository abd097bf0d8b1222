import { Button, List, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { toApiError } from '../api';
import { selfServiceApi } from '../api/selfService';

/**
 * DESK-06: the customer reports a new fault of the same line or device through their link. A new
 * request opens its own page (its link); an open one of the same product is named instead of a second.
 */
export function SelfServiceReportFault({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setNotice(null);
    try {
      const res = await selfServiceApi.reportFault(token, { description: text.trim() });
      Toast.show({ content: t('selfServiceReport.done', { number: res.order.number }) });
      setText('');
      navigate(res.path);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'DESK_DUPLICATE_REPORT') {
        const d = err.details as { number: string; sameOrder: boolean; statusText: string; statusTextEn: string };
        const status = i18n.language === 'en' ? d.statusTextEn : d.statusText;
        setNotice(
          d.sameOrder
            ? t('selfServiceReport.duplicateHere')
            : t('selfServiceReport.duplicate', { number: d.number, status }),
        );
      } else Toast.show({ content: err.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <List header={t('selfServiceReport.title')} data-testid="ss-report">
      <List.Item description={t('selfServiceReport.hint')}>
        <TextArea
          data-testid="ss-report-text"
          placeholder={t('selfServiceReport.placeholder')}
          value={text}
          onChange={setText}
          maxLength={1000}
          rows={3}
        />
      </List.Item>
      {notice && <NoticeBar data-testid="ss-report-duplicate" content={notice} color="alert" wrap />}
      <List.Item>
        <Button
          block
          color="primary"
          fill="outline"
          data-testid="ss-report-submit"
          loading={busy}
          disabled={!text.trim()}
          onClick={() => void submit()}
        >
          {t('selfServiceReport.submit')}
        </Button>
      </List.Item>
    </List>
  );
}
