import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { newIdempotencyKey, toApiError } from '../../api';
import {
  slaPolicyApi,
  type PolicyChange,
  type PolicyClock,
  type PolicyDeadline,
  type PolicyVersionEntry,
  type SlaPolicyBody,
} from '../../api/sla';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { DeadlineEditor } from './PolicyDeadlineEditor';
import { PolicyContractsEditor } from './PolicyContractsEditor';

interface Loaded {
  version: number;
  policy: SlaPolicyBody;
  versions: PolicyVersionEntry[];
  editable: boolean;
}

const pct = (share: number | undefined): number | null => (share === undefined ? null : Math.round(share * 1000) / 10);
const show = (v: unknown, absent: string): string => (v === undefined ? absent : JSON.stringify(v));

/**
 * SLA-02 policy editor: the tenant's current SLA policy as numbers an admin can change (deadlines,
 * warning shares, penalties, appointment notice), saved as a new version (the old one is kept), with
 * the version history and a field-by-field diff of any two versions. Running clocks keep their version.
 */
export default function SlaPolicyTab() {
  const { t, lang } = useLabels();
  const l = lang as 'zh-CN' | 'en';
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<SlaPolicyBody | null>(null);
  const [note, setNote] = useState('');
  const [pair, setPair] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const [changes, setChanges] = useState<PolicyChange[] | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    slaPolicyApi.current().then(
      (c) => {
        if (!live) return;
        setLoaded(c);
        setDraft(structuredClone(c.policy));
        const older = c.versions.find((v) => v.version < c.version);
        setPair({ from: older?.version ?? c.version, to: c.version });
      },
      (e: unknown) => live && void message.error(errorText(toApiError(e))),
    );
    return () => {
      live = false;
    };
    // Reload only when asked: errorText is a new function every render, and a reload resets the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const setClock = (kind: string, patch: Partial<PolicyClock>) =>
    draft && setDraft({ ...draft, clocks: draft.clocks.map((c) => (c.kind === kind ? { ...c, ...patch } : c)) });
  const setNumber = (section: 'appointment' | 'targets', key: string, v: number | null) =>
    draft && v !== null && setDraft({ ...draft, [section]: { ...draft[section], [key]: v } });

  async function save() {
    if (!loaded || !draft) return;
    try {
      const r = await slaPolicyApi.save(
        { basedOnVersion: loaded.version, policy: draft, ...(note.trim() ? { note: note.trim() } : {}) },
        newIdempotencyKey(),
      );
      void message.success(t('slaPolicy.saved', { v: r.version, n: r.changes.length }));
      setNote('');
      setChanges(r.changes);
      reload();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  }

  /** SLA-02: every open clock of the tenant moved to the current version (the server batches it). */
  async function reevaluateAll() {
    try {
      const r = await slaPolicyApi.reevaluateAll(newIdempotencyKey());
      void message.success(t('slaPolicy.reevaluated', { orders: r.orders, moved: r.moved, v: r.policyVersion }));
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  }

  async function compare() {
    if (pair.from === null || pair.to === null) return;
    try {
      setChanges((await slaPolicyApi.diff(pair.from, pair.to)).changes);
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  }

  if (!loaded || !draft) return <Card loading />;
  const editable = loaded.editable;
  const versionOptions = loaded.versions.map((v) => ({ value: v.version, label: `v${v.version}` }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {t('slaPolicy.title')}
            <Tag color="blue" data-testid="policy-current-version">
              {t('slaPolicy.current', { v: loaded.version })}
            </Tag>
          </Space>
        }
        extra={
          editable && (
            <Popconfirm
              title={t('slaPolicy.reevaluateConfirm', { v: loaded.version })}
              onConfirm={() => reevaluateAll()}
            >
              <Button data-testid="policy-reevaluate-all">{t('slaPolicy.reevaluate')}</Button>
            </Popconfirm>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('slaPolicy.hint')}</Typography.Paragraph>
        {!editable && <Alert type="info" showIcon title={t('slaPolicy.readOnly')} style={{ marginBottom: 12 }} />}
        <Space wrap style={{ marginBottom: 12 }}>
          {t('slaPolicy.warnShare')}
          <InputNumber
            min={1}
            max={99}
            disabled={!editable}
            value={pct(draft.warnShare)}
            onChange={(v) => v !== null && setDraft({ ...draft, warnShare: v / 100 })}
            data-testid="policy-warn-share"
          />
        </Space>
        <Table<PolicyClock>
          rowKey="kind"
          size="small"
          pagination={false}
          dataSource={draft.clocks}
          data-testid="policy-clocks"
          columns={[
            {
              title: t('slaPolicy.clock'),
              key: 'clock',
              render: (_, c) => (
                <span>
                  {c.label[l]} <Tag>{c.ruleId}</Tag>
                </span>
              ),
            },
            {
              title: t('slaPolicy.deadline'),
              key: 'deadline',
              render: (_, c) => (
                <DeadlineEditor
                  value={c.deadline}
                  disabled={!editable}
                  testId={`policy-deadline-${c.kind}`}
                  onChange={(deadline: PolicyDeadline) => setClock(c.kind, { deadline })}
                />
              ),
            },
            {
              title: t('slaPolicy.clockWarn'),
              key: 'warn',
              render: (_, c) => (
                <InputNumber
                  min={1}
                  max={99}
                  disabled={!editable}
                  placeholder={String(pct(draft.warnShare))}
                  value={pct(c.warnShare)}
                  onChange={(v) => setClock(c.kind, { warnShare: v === null ? undefined : v / 100 })}
                />
              ),
            },
            {
              title: t('slaPolicy.penalty'),
              key: 'penalty',
              render: (_, c) =>
                c.breachPenaltyFen === undefined ? null : (
                  <InputNumber
                    min={0}
                    disabled={!editable}
                    value={c.breachPenaltyFen / 100}
                    onChange={(v) => v !== null && setClock(c.kind, { breachPenaltyFen: Math.round(v * 100) })}
                  />
                ),
            },
          ]}
        />
        <PolicyContractsEditor
          contracts={draft.contracts ?? []}
          clocks={draft.clocks}
          editable={editable}
          lang={l}
          onChange={(contracts) => setDraft({ ...draft, contracts })}
        />
        {/* Appointment numbers are the tenant's; the fault average target has no reader yet: shown, not edited. */}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('slaPolicy.shippedOnly')}
        </Typography.Paragraph>
        <Row gutter={16} style={{ marginTop: 4 }}>
          {(
            [
              ['appointment', 'arriveEarlyMinutes', 'arriveEarly'],
              ['appointment', 'rescheduleNoticeMinutes', 'rescheduleNotice'],
              ['appointment', 'plannedVisitNoticeMinutes', 'plannedNotice'],
              ['targets', 'faultAverageDurationMinutes', 'faultAverage'],
            ] as const
          ).map(([section, key, label]) => (
            <Col key={key} xs={24} md={12} xl={6}>
              <Space orientation="vertical">
                {t(`slaPolicy.${label}`)}
                <InputNumber
                  min={0}
                  disabled={!editable || section === 'targets'}
                  value={draft[section][key] ?? null}
                  onChange={(v) => setNumber(section, key, v)}
                  data-testid={`policy-${key}`}
                />
              </Space>
            </Col>
          ))}
        </Row>
        {editable && (
          <Space wrap style={{ marginTop: 16 }}>
            <Input
              style={{ width: 320 }}
              placeholder={t('slaPolicy.note')}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
              data-testid="policy-note"
            />
            <Button type="primary" onClick={() => void save()} data-testid="policy-save">
              {t('slaPolicy.save')}
            </Button>
            <Button onClick={() => setDraft(structuredClone(loaded.policy))}>{t('slaPolicy.reset')}</Button>
          </Space>
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('slaPolicy.versions')}>
            <Table<PolicyVersionEntry>
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={loaded.versions}
              data-testid="policy-versions"
              columns={[
                { title: t('slaPolicy.version'), key: 'v', render: (_, v) => `v${v.version}` },
                {
                  title: t('slaPolicy.createdAt'),
                  key: 'at',
                  render: (_, v) =>
                    v.shipped ? <Tag>{t('slaPolicy.shipped')}</Tag> : new Date(v.createdAt!).toLocaleString(),
                },
                { title: t('slaPolicy.note'), key: 'note', render: (_, v) => v.note ?? '' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('slaPolicy.diffTitle')}>
            <Space wrap style={{ marginBottom: 12 }}>
              {t('slaPolicy.from')}
              <Select<number>
                style={{ width: 100 }}
                value={pair.from ?? undefined}
                options={versionOptions}
                onChange={(from) => setPair({ ...pair, from })}
                data-testid="policy-diff-from"
              />
              {t('slaPolicy.to')}
              <Select<number>
                style={{ width: 100 }}
                value={pair.to ?? undefined}
                options={versionOptions}
                onChange={(to) => setPair({ ...pair, to })}
                data-testid="policy-diff-to"
              />
              <Button onClick={() => void compare()} data-testid="policy-diff-run">
                {t('slaPolicy.compare')}
              </Button>
            </Space>
            {changes && changes.length === 0 && <Alert type="info" showIcon title={t('slaPolicy.noChanges')} />}
            {changes && changes.length > 0 && (
              <Table<PolicyChange>
                rowKey="path"
                size="small"
                pagination={false}
                dataSource={changes}
                data-testid="policy-diff"
                columns={[
                  { title: t('slaPolicy.path'), dataIndex: 'path' },
                  { title: t('slaPolicy.before'), key: 'b', render: (_, c) => show(c.before, t('slaPolicy.absent')) },
                  { title: t('slaPolicy.after'), key: 'a', render: (_, c) => show(c.after, t('slaPolicy.absent')) },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
