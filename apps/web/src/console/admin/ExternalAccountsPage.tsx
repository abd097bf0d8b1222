import { Alert, Card, Col, Input, Row, Table } from 'antd';
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
  const [query, setQuery] = useState<string | null>(null);
  const [rows, setRows] = useState<ExternalAccount[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const search = async (q: string) => {
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
          <Input.Search
            allowClear
            enterButton={t('common.search')}
            placeholder={t('external.searchPlaceholder')}
            onSearch={(q) => void search(q)}
            loading={loading}
            style={{ marginBottom: 16 }}
            data-testid="external-search"
          />
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
