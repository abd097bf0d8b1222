import { useRef, useState } from 'react';
import { SubmissionKeys, toApiError } from '../../api';
import { useMobileFeedback } from '../useMobileFeedback';

/**
 * One submission at a time from a planned-work page: an idempotency key that survives a retry of the same
 * body, a success toast, the error shown — and `busy` so the buttons wait for the answer.
 */
export function useKeyedRun() {
  const feedback = useMobileFeedback();
  const keys = useRef(new SubmissionKeys());
  const [busy, setBusy] = useState(false);
  async function run<T>(what: string, body: unknown, fn: (key: string) => Promise<T>, done: string) {
    setBusy(true);
    try {
      const answer = await fn(keys.current.keyFor({ what, body }));
      keys.current.succeeded();
      feedback.success(done);
      return answer;
    } catch (e) {
      feedback.error(toApiError(e));
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
