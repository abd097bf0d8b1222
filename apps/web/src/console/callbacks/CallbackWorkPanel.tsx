import { DEFAULT_CALLBACK_SCRIPT, scriptLinesFor } from '@daowei/domain';
import { Button, DatePicker, Divider, Form, Input, List, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { SubmissionKeys, toApiError } from '../../api';
import { callbacksApi, type AttemptResult, type CallbackTaskView, type Satisfaction } from '../../api/callbacks';
import { useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { useFeedback } from '../useFeedback';

interface OutcomeForm {
  satisfaction?: Satisfaction;
  problemSolved: boolean;
  rootCause?: string;
  suggestion?: string;
  ownerId?: string;
  measure?: string;
  dueDate?: Dayjs;
  remark?: string;
}

const LEVELS: readonly Satisfaction[] = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'];
const RESULTS: readonly AttemptResult[] = ['reached', 'no_answer', 'busy', 'call_back_later'];

/** CB-02: the script, the calls so far, logging a call and recording the answer of one callback task. */
export function CallbackWorkPanel({
  task,
  onChanged,
}: {
  task: CallbackTaskView;
  onChanged: (closed: boolean) => void;
}) {
  const { t, lang: language } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const feedback = useFeedback();
  const tree = useOrgTree();
  const [form] = Form.useForm<OutcomeForm>();
  const satisfaction = Form.useWatch('satisfaction', form) ?? null;
  const [callBackAt, setCallBackAt] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const attemptKeys = useRef(new SubmissionKeys());
  const outcomeKeys = useRef(new SubmissionKeys());
  const people = useMemo(() => (tree.data?.people ?? []).map((p) => ({ value: p.id, label: p.name })), [tree.data]);
  const lines = scriptLinesFor(DEFAULT_CALLBACK_SCRIPT, task.kind, satisfaction);
  const open = task.state === 'open';

  async function logCall(result: AttemptResult) {
    const body = {
      result,
      ...(result === 'call_back_later' && callBackAt ? { callBackAt: callBackAt.toISOString() } : {}),
    };
    setBusy(true);
    try {
      const updated = await callbacksApi.attempt(task.id, body, attemptKeys.current.keyFor({ id: task.id, ...body }));
      attemptKeys.current.succeeded();
      feedback.success(t('callbackQueue.callLogged'));
      onChanged(updated.state !== 'open');
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function submit(v: OutcomeForm) {
    if (!v.satisfaction) return;
    const dissatisfied = v.satisfaction === 'dissatisfied';
    const body = {
      satisfaction: v.satisfaction,
      problemSolved: v.problemSolved,
      ...(v.rootCause ? { rootCause: v.rootCause } : {}),
      ...(v.suggestion ? { suggestion: v.suggestion } : {}),
      ...(v.remark ? { remark: v.remark } : {}),
      ...(dissatisfied
        ? { improvementAction: { ownerId: v.ownerId, measure: v.measure, dueDate: v.dueDate?.format('YYYY-MM-DD') } }
        : {}),
    };
    setBusy(true);
    try {
      const updated = await callbacksApi.outcome(task.id, body, outcomeKeys.current.keyFor({ id: task.id, ...body }));
      outcomeKeys.current.succeeded();
      const reopened = updated.consequence === 'reopen' || updated.consequence === 'revisit';
      feedback.success(t(reopened ? 'callbackQueue.reopened' : 'callbackQueue.saved'));
      onChanged(true);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Title level={5}>{t('callbackQueue.script')}</Typography.Title>
      <ol data-testid="cb-script" style={{ paddingLeft: 20 }}>
        {lines.map((l) => (
          <li key={l.key} data-testid={`cb-script-${l.key}`}>
            {l.text[lang]}
          </li>
        ))}
      </ol>
      {task.attempts.length > 0 && (
        <List
          size="small"
          header={t('callbackQueue.history')}
          dataSource={task.attempts}
          data-testid="cb-attempts"
          renderItem={(a) => (
            <List.Item>
              {dayjs(a.at).format('MM-DD HH:mm')} · {t(`callbackQueue.${a.result}`)}
              {a.callBackAt ? ` → ${dayjs(a.callBackAt).format('MM-DD HH:mm')}` : ''}
            </List.Item>
          )}
        />
      )}
      {open && (
        <>
          <Divider titlePlacement="start">{t('callbackQueue.logCall')}</Divider>
          <Space wrap>
            {RESULTS.filter((r) => r !== 'reached').map((r) => (
              <Button
                key={r}
                disabled={busy || (r === 'call_back_later' && !callBackAt)}
                onClick={() => void logCall(r)}
                data-testid={`cb-attempt-${r}`}
              >
                {t(`callbackQueue.${r}`)}
              </Button>
            ))}
            <DatePicker
              showTime
              placeholder={t('callbackQueue.callBackAt')}
              value={callBackAt}
              onChange={setCallBackAt}
              data-testid="cb-callback-at"
            />
          </Space>
          <Divider titlePlacement="start">{t('callbackQueue.outcome')}</Divider>
          <Form<OutcomeForm>
            form={form}
            layout="vertical"
            initialValues={{ problemSolved: true }}
            onFinish={(v) => void submit(v)}
            disabled={busy}
          >
            <Form.Item name="satisfaction" label={t('callbackQueue.satisfaction')} rules={[{ required: true }]}>
              <Radio.Group>
                {LEVELS.map((l) => (
                  <Radio key={l} value={l} data-testid={`cb-sat-${l}`}>
                    {t(`callbackQueue.${l}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="problemSolved" label={t('callbackQueue.problemSolved')} valuePropName="checked">
              <Switch data-testid="cb-problem-solved" />
            </Form.Item>
            {satisfaction === 'dissatisfied' && (
              <>
                <Form.Item name="rootCause" label={t('callbackQueue.rootCause')} rules={[{ required: true }]}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid="cb-root-cause" />
                </Form.Item>
                <Form.Item name="suggestion" label={t('callbackQueue.suggestion')} rules={[{ required: true }]}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid="cb-suggestion" />
                </Form.Item>
                <Form.Item name="ownerId" label={t('callbackQueue.improvementOwner')} rules={[{ required: true }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={people}
                    data-testid="cb-improvement-owner"
                  />
                </Form.Item>
                <Form.Item name="measure" label={t('callbackQueue.improvementMeasure')} rules={[{ required: true }]}>
                  <Input maxLength={2000} data-testid="cb-improvement-measure" />
                </Form.Item>
                <Form.Item name="dueDate" label={t('callbackQueue.improvementDue')} rules={[{ required: true }]}>
                  <DatePicker data-testid="cb-improvement-due" />
                </Form.Item>
              </>
            )}
            <Form.Item name="remark" label={t('callbackQueue.remark')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="cb-remark" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="cb-submit">
              {t('callbackQueue.submit')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
