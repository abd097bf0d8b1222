import {
  finishDeskTask,
  getDeskTask,
  listDeskTasks,
  listOpenUnfiredDeskTasks,
  markDeskTaskDueFired,
  type Db,
  type StoredDeskTask,
  type StoredIntake,
} from '@daowei/db';
import { DomainError, type Position } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { ScriptsService } from './scripts.service.js';
import type { TaskDoneBody } from './desk.schemas.js';

/** The pg-boss queue of DESK-02/05 due timers. */
export const DESK_TASK_DUE_JOB = 'desk-task-due';
export interface DeskTaskDueData {
  tenantId: string;
  taskId: string;
}

/** Who works the desk's follow-ups (the desk and its managers). */
export const DESK_TASK_POSITIONS: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];

export type DeskTasksService = ReturnType<typeof createDeskTasksService>;

/**
 * DESK-02 / DESK-05 follow-ups: the call that confirms a phone-guided fix (2 h after), the reply promised
 * for a question (1 working day). Each task has a persisted timer at its due instant (pg-boss job inserted
 * in the intake's transaction); when it fires the task is marked due once and the hook tells the desk.
 * Tasks belong to the operator's desk: vendor staff do not see them.
 */
export function createDeskTasksService({
  db,
  clock,
  jobs,
  scripts,
  onDue,
}: {
  db: Db;
  clock: Clock;
  jobs?: JobQueue | undefined;
  scripts: Pick<ScriptsService, 'assertTexts'>;
  /** Told once when a task falls due (notifications, when wired). */
  onDue?: (tx: Db, task: StoredDeskTask) => Promise<void>;
}) {
  function requireDesk(auth: AuthContext) {
    if (!DESK_TASK_POSITIONS.includes(auth.position) || auth.vendorId) {
      throw new DomainError('FORBIDDEN', 'Desk follow-ups are worked by the desk', { position: auth.position });
    }
  }

  function view(t: StoredDeskTask & { intake?: StoredIntake }, now: Date) {
    return {
      id: t.id,
      kind: t.kind,
      intakeId: t.intakeId,
      orderId: t.orderId,
      question: t.question,
      dueAt: t.dueAt.toISOString(),
      overdue: t.state === 'open' && t.dueAt.getTime() <= now.getTime(),
      state: t.state,
      result: t.result,
      doneAt: t.doneAt?.toISOString() ?? null,
      ...(t.intake ? { callerPhone: t.intake.callerPhone, mode: t.intake.mode } : {}),
    };
  }

  return {
    view,

    /** The task's timer, inserted in the caller's transaction (no queue: tests and tools; due is computed at read). */
    async schedule(tx: Db, task: StoredDeskTask) {
      if (!jobs) return;
      const data: DeskTaskDueData = { tenantId: task.tenantId, taskId: task.id };
      await jobs.schedule(DESK_TASK_DUE_JOB, data, { runAt: task.dueAt, key: `desk-task:${task.id}`, tx });
    },

    /** Job handler: records the due moment once; stale or repeated deliveries change nothing. */
    async fireDue(data: DeskTaskDueData) {
      await db.transaction(async (tx) => {
        const marked = await markDeskTaskDueFired(tx, data.tenantId, data.taskId, clock.now());
        if (marked && onDue) await onDue(tx, marked);
      });
    },

    /** Start-up: timers of open tasks again (idempotent keys), as the SLA timers do. */
    async rescheduleOpen() {
      for (const t of await listOpenUnfiredDeskTasks(db)) await db.transaction((tx) => this.schedule(tx, t));
    },

    async list(auth: AuthContext, q: { state?: 'open' | 'done' | undefined; limit: number }) {
      requireDesk(auth);
      const now = clock.now();
      const rows = await listDeskTasks(db, auth.tenantId, { ...(q.state ? { state: q.state } : {}), limit: q.limit });
      return { items: rows.map((r) => view(r, now)) };
    },

    /** The follow-up done: the callback's result or the reply given (customer-facing, DESK-04 checked). */
    async finish(auth: AuthContext, id: string, body: TaskDoneBody, key: string | null) {
      requireDesk(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'desk-task-done', id, body }, async () => {
          const task = await getDeskTask(tx, auth.tenantId, id, { forUpdate: true });
          if (!task) throw new DomainError('NOT_FOUND', 'Task not found', { id });
          if (task.state !== 'open') throw new DomainError('CONFLICT', 'This task is already done', { id });
          await scripts.assertTexts(tx, auth, [{ field: 'body.result', text: body.result }], body.confirmFlagged);
          const now = clock.now();
          const done = await finishDeskTask(tx, auth.tenantId, id, {
            result: body.result,
            doneAt: now,
            doneBy: auth.personId,
          });
          return view(done, now);
        }),
      );
    },
  };
}
