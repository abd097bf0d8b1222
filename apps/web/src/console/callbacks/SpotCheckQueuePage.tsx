import { Button, Descriptions, Form, Input, List, Radio, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { callbacksApi, type AttemptResult, type CallbackTaskView } from '../../api/callbacks';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { useFeedback } from '../useFeedback';
import { CallbackTaskQueue } from './CallbackTaskQueue';

const RESULTS: readonly AttemptResult[] = ['reached', 'no_answer', 'busy'];

interface SpotForm {
  matches?: 'yes' | 'no';
  vendorReport?: string;
  truth?: string;
  note?: string;
}

/** CB-03: log a call and record whether the vendor's report matches what the customer says. */
function SpotCheckPanel({ task, onChanged }: { task: CallbackTaskView; onChanged: (closed: boolean) => void }) {
  const { t } = useLabels();
  const feedback = useFeedback();
  const [form] = Form.useForm<SpotForm>();
  const matches = Form.useWatch('matches', form);
  const [busy, setBusy] = useState(false);
  const attemptKeys = useRef(new SubmissionKeys());
  const outcomeKeys = useRef(new SubmissionKeys());

  async function logCall(result: AttemptResult) {
    setBusy(true);
    try {
      const updated = await callbacksApi.attempt(
        task.id,
        { result },
        attemptKeys.current.keyFor({ id: task.id, result }),
      );
      attemptKeys.current.succeeded();
      feedback.success(t('callbackQueue.callLogged'));
      onChanged(updated.state !== 'open');
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function submit(v: SpotForm) {
    const body = {
      matchesVendorReport: v.matches === 'yes',
      ...(v.vendorReport?.trim() ? { vendorReport: v.vendorReport.trim() } : {}),
      ...(v.truth?.trim() ? { truth: v.truth.trim() } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    setBusy(true);
    try {
      const done = await callbacksApi.spotCheck(task.id, body, outcomeKeys.current.keyFor({ id: task.id, ...body }));
      outcomeKeys.current.succeeded();
      feedback.success(done.assessmentCaseId ? t('spotCheck.savedCase') : t('spotCheck.savedOk'));
      onChanged(true);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  if (task.state !== 'open') {
    return (
      <Descriptions size="small" column={1} data-testid="spot-result">
        <Descriptions.Item label={t('spotCheck.result')}>
          {task.spotCheckMatches === true ? (
            <Tag color="green">{t('spotCheck.matches')}</Tag>
          ) : task.spotCheckMatches === false ? (
            <Tag color="red">{t('spotCheck.differs')}</Tag>
          ) : (
            t('spotCheck.unreachable')
          )}
        </Descriptions.Item>
        {task.vendorReport && (
          <Descriptions.Item label={t('spotCheck.vendorReport')}>{task.vendorReport}</Descriptions.Item>
        )}
        {task.truth && <Descriptions.Item label={t('spotCheck.truth')}>{task.truth}</Descriptions.Item>}
        {task.assessmentCaseId && (
          <Descriptions.Item label="VND-01">
            <Link to="/assessment">{t('spotCheck.caseLink')}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
    );
  }

  return (
    <>
      {task.attempts.length > 0 && (
        <List
          size="small"
          header={t('callbackQueue.history')}
          dataSource={task.attempts}
          renderItem={(a) => (
            <List.Item>
              {dayjs(a.at).format('MM-DD HH:mm')} · {t(`callbackQueue.${a.result}`)}
            </List.Item>
          )}
        />
      )}
      <Space wrap style={{ margin: '12px 0' }}>
        {RESULTS.filter((r) => r !== 'reached').map((r) => (
          <Button key={r} disabled={busy} onClick={() => void logCall(r)} data-testid={`spot-call-${r}`}>
            {t(`callbackQueue.${r}`)}
          </Button>
        ))}
      </Space>
      <Form<SpotForm> form={form} layout="vertical" disabled={busy} onFinish={(v) => void submit(v)}>
        <Form.Item name="matches" rules={[{ required: true }]}>
          <Radio.Group data-testid="spot-matches">
            <Radio value="yes" data-testid="spot-matches-yes">
              {t('spotCheck.matches')}
            </Radio>
            <Radio value="no" data-testid="spot-matches-no">
              {t('spotCheck.differs')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {matches === 'no' && (
          <>
            <Form.Item name="vendorReport" label={t('spotCheck.vendorReport')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="spot-vendor-report" />
            </Form.Item>
            <Form.Item name="truth" label={t('spotCheck.truth')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="spot-truth" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('spotCheck.note')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="spot-submit">
          {t('spotCheck.submit')}
        </Button>
      </Form>
    </>
  );
}

/**
 * CB-03 sales spot-check queue (/callbacks/spot-checks): orders sampled on their 7th day after
 * completion, earliest due first; a mismatch with the vendor's report opens a VND-01 case.
 */
export default function SpotCheckQueuePage() {
  const { t } = useLabels();
  const me = useMe();
  const feedback = useFeedback();

  async function sweep(reload: () => void) {
    try {
      const r = await callbacksApi.sweepSpotChecks();
      feedback.success(t('spotCheck.swept', { count: r.created }));
      reload();
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  return (
    <CallbackTaskQueue
      kind="spot_check"
      testIds="spot"
      texts="spotCheck"
      actions={(reload) =>
        (me.position === 'sales' || me.position === 'admin') && (
          <Button size="small" onClick={() => void sweep(reload)} data-testid="spot-sweep">
            {t('spotCheck.sweep')}
          </Button>
        )
      }
      panel={(task, onChanged) => <SpotCheckPanel key={task.id} task={task} onChanged={onChanged} />}
    />
  );
}
