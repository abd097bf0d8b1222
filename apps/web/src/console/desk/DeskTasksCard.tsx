import { Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api';
import { deskApi, type DeskTask } from '../../api/desk';
import { formatDateTime } from '../../orders/format';

/** DESK-02/05: the desk's open follow-ups (guidance callbacks, promised replies), due first. */
export function DeskTasksCard({ refreshKey }: { refreshKey: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<DeskTask[]>([]);
  const [results, setResults] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    deskApi.tasks('open').then(
      (r) => live && setItems(r.items),
      (e: unknown) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [refreshKey, version]);

  async function finish(id: string) {
    try {
      await deskApi.finishTask(id, results[id] ?? '');
      setVersion((v) => v + 1);
    } catch (e) {
      setError(toApiError(e).message);
    }
  }

  return (
    <Card title={t('desk.tasksTitle')} data-testid="desk-tasks">
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {items.length === 0 ? (
        <Empty />
      ) : (
        <List
          dataSource={items}
          renderItem={(task) => (
            <List.Item key={task.id} data-testid={`desk-task-${task.id}`}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>
                    {task.kind === 'guidance_callback' ? t('desk.modes.phone_guidance') : t('desk.modes.consultation')}
                  </Tag>
                  <span>{task.callerPhone}</span>
                  <span>{formatDateTime(task.dueAt)}</span>
                  {task.overdue && <Tag color="red">{t('desk.overdue')}</Tag>}
                </Space>
                <Typography.Text type="secondary">{task.question}</Typography.Text>
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    placeholder={t('desk.taskResult')}
                    value={results[task.id] ?? ''}
                    onChange={(e) => setResults({ ...results, [task.id]: e.target.value })}
                    data-testid={`desk-task-result-${task.id}`}
                  />
                  <Button
                    disabled={!results[task.id]?.trim()}
                    onClick={() => void finish(task.id)}
                    data-testid={`desk-task-done-${task.id}`}
                  >
                    {t('desk.taskDone')}
                  </Button>
                </Space.Compact>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
