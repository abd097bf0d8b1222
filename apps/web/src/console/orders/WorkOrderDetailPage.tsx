import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { StatusTag } from '../../components/StatusTag';
import { useErrorText } from '../../hooks/useErrorText';
import { useWorkOrderDetail } from '../../hooks/useWorkOrderDetail';
import { useLabels } from '../../i18n/useLabels';
import { LinkedOrders } from './LinkedOrders';
import { OrderActionBar } from './OrderActionBar';
import { OrderTimeline } from './OrderTimeline';
import { OrderClocksPanel } from '../sla/OrderClocksPanel';
import { SelfServiceLinkButton } from './SelfServiceLinkButton';
import { CustomerMessagesCard } from '../desk/CustomerMessagesCard';
import { WorkOrderFacts } from './WorkOrderFacts';
import { OrderPartsCard } from '../parts/OrderPartsCard';
import { OrderAppointmentCard } from '../dispatch/OrderAppointmentCard';
import { OrderOnsiteReportsCard } from '../visits/OrderOnsiteReportsCard';
import { OrderCoverageClaimsCard } from '../desk/OrderCoverageClaimsCard';
import { OrderPartNeedsCard } from '../dispatch/OrderPartNeedsCard';

/** /orders/:id: the facts, the allowed actions, linked orders and the full history. */
export default function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const { t, type } = useLabels();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { detail, error, loading, reload, replace } = useWorkOrderDetail(id);

  if (!detail) {
    if (error) {
      return (
        <Result
          status={error.status === 404 ? '404' : 'error'}
          title={errorText(error)}
          extra={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      );
    }
    return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  }

  const o = detail.order;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} data-testid="back">
              {t('common.back')}
            </Button>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-number">
              {o.number}
            </Typography.Title>
            <Typography.Text>{type(o.type)}</Typography.Text>
            <StatusTag status={o.status} />
          </Space>
          <Space wrap>
            <SelfServiceLinkButton orderId={o.id} />
            <Button icon={<ReloadOutlined />} loading={loading} onClick={reload} data-testid="order-refresh">
              {t('common.refresh')}
            </Button>
          </Space>
        </Space>
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginTop: 12 }} />}
        <div style={{ marginTop: 16 }}>
          <OrderActionBar detail={detail} onDone={replace} onStale={reload} />
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('orderDetail.facts')}>
            <WorkOrderFacts order={o} />
          </Card>
          {detail.linked.length > 0 && (
            <Card title={t('orderDetail.linked')} style={{ marginTop: 16 }}>
              <LinkedOrders orders={detail.linked} />
            </Card>
          )}
          <CustomerMessagesCard orderId={o.id} />
          <OrderAppointmentCard orderId={o.id} onChanged={reload} />
          <OrderOnsiteReportsCard orderId={o.id} version={o.version} />
          <OrderCoverageClaimsCard orderId={o.id} orderNumber={o.number} version={o.version} />
        </Col>
        <Col xs={24} xl={10}>
          <OrderClocksPanel orderId={o.id} />
          <OrderPartNeedsCard orderId={o.id} />
          <OrderPartsCard orderId={o.id} holderId={o.holderId} />
          <Card title={t('orderDetail.history')} style={{ marginTop: 16 }}>
            <OrderTimeline events={detail.events} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
