import { DomainError } from '../shared/errors.js';
import type { VisitPolicy } from './visit-policy.js';

type Label = { 'zh-CN': string; en: string };

/**
 * APT-03 nobody home (上门不遇): what the engineer did on the doorstep, as recorded steps with the
 * phone's times (the submission may have waited offline, so the server cannot stamp them itself).
 */
export interface NoAccessProtocol {
  /** First knock / ring at the door. */
  knockedAt: Date;
  /** The call to the customer's number and how it went (policy `callOutcomes`). */
  call: { at: Date; outcome: string };
  /** The neighbour check (policy `neighbourOutcomes`) and what was heard. */
  neighbour: { at: Date; outcome: string; note?: string | undefined };
  /** A note 留言条 was left at the door (its photo goes through the attachments, WO-14). */
  noteLeft: boolean;
  /** When the engineer gave up and left, by the phone's clock; the server's time when absent. */
  leftAt?: Date | undefined;
  remark?: string | undefined;
}

/** The no-access attempt as recorded on the order's event. */
export interface NoAccessRecord {
  knockedAt: string;
  /** Outcomes carry their policy label, so the history reads the same after the policy changes. */
  call: { at: string; outcome: string; label: Label };
  neighbour: { at: string; outcome: string; label: Label; note: string | null };
  noteLeft: boolean;
  leftAt: string;
  waitedMinutes: number;
  remark: string | null;
}

const MIN = 60_000;

/**
 * APT-03: the protocol is complete and in order — knock, call and neighbour check all done before
 * leaving, the call and neighbour outcomes known, the note left, and the engineer waited the policy's
 * minutes from the first knock. `leftAt` after the server's `now` (a phone clock running ahead) is
 * taken as `now`. Refusals name the missing step so the phone can point at it.
 */
export function decideNoAccess(policy: VisitPolicy, p: NoAccessProtocol, now: Date): NoAccessRecord {
  const rules = policy.noAccess;
  const callDef = rules.callOutcomes.find((c) => c.code === p.call.outcome);
  const neighbourDef = rules.neighbourOutcomes.find((c) => c.code === p.neighbour.outcome);
  if (!callDef) {
    throw new DomainError('VALIDATION_FAILED', `Unknown call outcome "${p.call.outcome}"`, {
      field: 'call.outcome',
      allowed: rules.callOutcomes.map((c) => c.code),
    });
  }
  if (!neighbourDef) {
    throw new DomainError('VALIDATION_FAILED', `Unknown neighbour check outcome "${p.neighbour.outcome}"`, {
      field: 'neighbour.outcome',
      allowed: rules.neighbourOutcomes.map((c) => c.code),
    });
  }
  if (!p.noteLeft) {
    throw new DomainError('WO_NO_ACCESS_PROTOCOL', 'Leave a note at the door before leaving', {
      field: 'noteLeft',
    });
  }
  const leftAt = new Date(Math.min((p.leftAt ?? now).getTime(), now.getTime()));
  for (const [field, at] of [
    ['call.at', p.call.at],
    ['neighbour.at', p.neighbour.at],
  ] as const) {
    if (at.getTime() < p.knockedAt.getTime() || at.getTime() > leftAt.getTime()) {
      throw new DomainError('WO_NO_ACCESS_PROTOCOL', `${field}: each step comes after the first knock`, { field });
    }
  }
  if (p.knockedAt.getTime() > leftAt.getTime()) {
    throw new DomainError('WO_NO_ACCESS_PROTOCOL', 'The first knock cannot be after leaving', { field: 'knockedAt' });
  }
  const waitedMinutes = Math.floor((leftAt.getTime() - p.knockedAt.getTime()) / MIN);
  if (waitedMinutes < rules.minWaitMinutes) {
    throw new DomainError(
      'WO_NO_ACCESS_TOO_SOON',
      `Wait at least ${rules.minWaitMinutes} min from the first knock (waited ${waitedMinutes})`,
      { field: 'knockedAt', waitedMinutes, minWaitMinutes: rules.minWaitMinutes },
    );
  }
  const note = p.neighbour.note?.trim();
  const remark = p.remark?.trim();
  return {
    knockedAt: p.knockedAt.toISOString(),
    call: { at: p.call.at.toISOString(), outcome: p.call.outcome, label: callDef.label },
    neighbour: {
      at: p.neighbour.at.toISOString(),
      outcome: p.neighbour.outcome,
      label: neighbourDef.label,
      note: note ? note : null,
    },
    noteLeft: true,
    leftAt: leftAt.toISOString(),
    waitedMinutes,
    remark: remark ? remark : null,
  };
}

/** APT-03: the no-access note needs a photo (policy) and none was uploaded during this visit. */
export function assertNoAccessNotePhoto(policy: VisitPolicy, photosThisVisit: number): void {
  if (policy.noAccess.notePhotoRequired && photosThisVisit === 0) {
    throw new DomainError('WO_NO_ACCESS_NOTE_PHOTO_MISSING', 'Take a photo of the note left at the door first', {
      field: 'attachments',
      kind: 'photo',
    });
  }
}
