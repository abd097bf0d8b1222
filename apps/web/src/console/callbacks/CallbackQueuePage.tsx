import { useLabels } from '../../i18n/useLabels';
import { CallbackTaskQueue } from './CallbackTaskQueue';
import { CallbackWorkPanel } from './CallbackWorkPanel';

/**
 * CB-01/02 callback agent's queue: tasks earliest due first; picking one shows the order, the script,
 * the calls made so far, and the forms to log a call and record the answer.
 */
export default function CallbackQueuePage() {
  const { t } = useLabels();
  return (
    // CB-02 satisfaction callbacks only: spot-checks (CB-03) are sales' own queue.
    <CallbackTaskQueue
      kind="satisfaction"
      testIds="cb"
      texts="callbackQueue"
      extraColumns={[{ title: t('callbackQueue.attempts'), dataIndex: 'unansweredAttempts', width: 90 }]}
      panel={(task, onChanged) => <CallbackWorkPanel key={task.id} task={task} onChanged={onChanged} />}
    />
  );
}
