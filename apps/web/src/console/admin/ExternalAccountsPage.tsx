import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, Row, Space, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { type ApiError, type ExternalAccount, externalAccountsApi, toApiError } from '../../api';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { LinkExternalAccountForm } from './LinkExternalAccountForm';

/** /admin/external-accounts (ORG-05): find mappings by phone, name, staff no. or external id; link a person. */
export default function ExternalAccountsPage() {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [rows, setRows] = useState<ExternalAccount[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const search = async (q: string) => {
    setText(q);
    setQuery(q);
    setLoading(true);
    setError(null);
    try {
      setRows(await externalAccountsApi.search(q.trim()));
    } catch (e) {
      setError(toApiError(e));
      setRows([]);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Card title={t('external.title')}>
          <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('external.searchPlaceholder')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onPressEnter={() => void search(text)}
              data-testid="external-search"
            />
            <Button
              type="primary"
              loading={loading}
              onClick={() => void search(text)}
              data-testid="external-search-submit"
            >
              {t('common.search')}
            </Button>
          </Space.Compact>
          {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
          <Table<ExternalAccount>
            rowKey={(r) => `${r.system}:${r.externalId}`}
            size="middle"
            loading={loading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: query === null ? ' ' : t('external.empty') }}
            onRow={(r) => ({ 'data-testid': `external-row-${r.externalId}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('external.person'), dataIndex: 'personName' },
              { title: t('external.phone'), dataIndex: 'phone' },
              { title: t('external.system'), dataIndex: 'system' },
              { title: t('external.externalId'), dataIndex: 'externalId' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t('external.linkTitle')}>
          <LinkExternalAccountForm onLinked={(m) => void search(m.phone || m.externalId)} />
        </Card>
      </Col>
    </Row>
  );
}
