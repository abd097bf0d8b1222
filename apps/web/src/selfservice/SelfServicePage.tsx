import '../mobile/setupMobileRender';
import { Button, ConfigProvider, ErrorBlock, List, Rate, Result, Steps, TextArea, Toast } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { toApiError } from '../api';
import { selfServiceApi, type SelfServiceView } from '../api/selfService';
import { SelfServiceReschedule } from './SelfServiceReschedule';
import { SelfServiceReportFault } from './SelfServiceReportFault';

const fmt = (iso: string) => dayjs(iso).format('MM-DD HH:mm');

/**
 * DESK-06: the customer's page at /s/:token — progress in plain words, urge (催办) and rating. No
 * login: the link's token is the key; a link that does not work shows one message whatever the reason.
 */
export default function SelfServicePage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [view, setView] = useState<SelfServiceView | null>(null);
  const [missing, setMissing] = useState(false);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  // Bumped after an urge or a rating so the page reads the order again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    selfServiceApi.progress(token).then(
      (v) => live && setView(v),
      () => live && setMissing(true),
    );
    return () => {
      live = false;
    };
  }, [token, version]);

  async function run(what: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await what();
      Toast.show({ content: done });
    } catch (e) {
      const err = toApiError(e);
      Toast.show({ content: err.code === 'RATE_LIMITED' ? t('selfService.urgeTooSoon') : err.message });
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  }

  let body;
  if (missing) body = <ErrorBlock status="empty" title={t('selfService.invalidLink')} description="" />;
  else if (!view) body = <Result status="waiting" title={t('common.loading')} />;
  else
    body = (
      <>
        <Result
          status="info"
          title={en ? view.statusTextEn : view.statusText}
          description={view.number}
          data-testid="ss-status"
        />
        <List>
          {view.appointment && (
            <List.Item
              data-testid="ss-appointment"
              extra={`${fmt(view.appointment.start)}–${dayjs(view.appointment.end).format('HH:mm')}`}
            >
              {t('selfService.appointment')}
            </List.Item>
          )}
          {view.engineer && <List.Item extra={view.engineer}>{t('selfService.engineer')}</List.Item>}
        </List>
        {view.messages.length > 0 && (
          <List header={t('selfServiceMore.messages')} data-testid="ss-messages">
            {view.messages.map((m) => (
              <List.Item key={m.at + m.text} description={fmt(m.at)}>
                {m.text}
              </List.Item>
            ))}
          </List>
        )}
        <Steps direction="vertical" current={view.history.length - 1} data-testid="ss-history">
          {view.history.map((h) => (
            <Steps.Step key={h.at + h.text} title={en ? h.textEn : h.text} description={fmt(h.at)} />
          ))}
        </Steps>
        <div style={{ padding: 12 }}>
          {!view.canRate && !view.rating && (
            <Button
              block
              color="warning"
              data-testid="ss-urge"
              loading={busy}
              disabled={!view.urge.allowed}
              onClick={() => void run(() => selfServiceApi.urge(token), t('selfService.urged'))}
            >
              {view.urge.allowed
                ? t('selfService.urge')
                : t('selfService.urgeAgainAt', { time: fmt(view.urge.nextAllowedAt ?? new Date().toISOString()) })}
            </Button>
          )}
          {view.canRate && (
            <>
              <div>{t('selfService.rateTitle')}</div>
              <Rate count={view.satisfactionScaleMax} value={stars} onChange={setStars} data-testid="ss-stars" />
              <TextArea
                data-testid="ss-comment"
                placeholder={t('selfService.commentPlaceholder')}
                value={comment}
                onChange={setComment}
                maxLength={500}
                rows={3}
              />
              <Button
                block
                color="primary"
                data-testid="ss-rate"
                loading={busy}
                disabled={stars < 1}
                onClick={() =>
                  void run(
                    () => selfServiceApi.rate(token, { satisfaction: stars, ...(comment ? { comment } : {}) }),
                    t('selfService.thanks'),
                  )
                }
              >
                {t('common.submit')}
              </Button>
            </>
          )}
          {view.reschedule.allowed && (
            <SelfServiceReschedule
              token={token}
              noticeMinutes={view.reschedule.noticeMinutes}
              onDone={() => setVersion((v) => v + 1)}
            />
          )}
          {view.rating && (
            <Result
              status="success"
              title={t('selfService.thanks')}
              description={<Rate readOnly value={view.rating.satisfaction} count={view.satisfactionScaleMax} />}
            />
          )}
        </div>
        <SelfServiceReportFault token={token} />
      </>
    );

  return (
    <ConfigProvider locale={en ? enUS : zhCN}>
      <div style={{ maxWidth: 480, margin: '0 auto', minHeight: '100vh', background: '#f5f5f5' }}>{body}</div>
    </ConfigProvider>
  );
}
