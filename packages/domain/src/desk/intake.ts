import { z } from 'zod';
import type { WorkOrderType } from '../work-order/work-order.types.js';

/**
 * DESK-01 intake: what the desk learns on the call decides how the request is served. The rules are
 * data in the desk policy (first match wins), so a tenant changes routing without code.
 */
export const SERVICE_MODES = [
  'phone_guidance',
  'remote',
  'on_site',
  'carry_in',
  'paid_service',
  'consultation',
] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

/** What the caller wants. */
export const REQUEST_KINDS = ['fault', 'install', 'complaint', 'question', 'paid_request'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The agent's reading of the symptom. */
export const SYMPTOMS = ['misuse', 'software', 'hardware', 'no_service', 'slow', 'other'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const INTAKE_CHANNELS = ['phone', 'web', 'walk_in', 'external'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export interface IntakeFacts {
  requestKind: RequestKind;
  symptom: Symptom;
  /** The customer can bring the device to the station. */
  devicePortable: boolean;
  /** The device can be reached remotely (remote assistance). */
  remoteReachable: boolean;
}

export const intakeRuleSchema = z.object({
  id: z.string().min(1),
  when: z.object({
    requestKinds: z.array(z.enum(REQUEST_KINDS)).optional(),
    symptoms: z.array(z.enum(SYMPTOMS)).optional(),
    devicePortable: z.boolean().optional(),
    remoteReachable: z.boolean().optional(),
  }),
  mode: z.enum(SERVICE_MODES),
});
export type IntakeRule = z.infer<typeof intakeRuleSchema>;

export const DEFAULT_INTAKE_RULES: IntakeRule[] = [
  { id: 'question', when: { requestKinds: ['question'] }, mode: 'consultation' },
  { id: 'paid', when: { requestKinds: ['paid_request'] }, mode: 'paid_service' },
  { id: 'misuse', when: { requestKinds: ['fault'], symptoms: ['misuse'] }, mode: 'phone_guidance' },
  { id: 'software-remote', when: { symptoms: ['software'], remoteReachable: true }, mode: 'remote' },
  {
    id: 'hardware-portable',
    when: { requestKinds: ['fault'], symptoms: ['hardware'], devicePortable: true },
    mode: 'carry_in',
  },
  { id: 'default', when: {}, mode: 'on_site' },
];

export interface ModeDecision {
  mode: ServiceMode;
  ruleId: string;
}

function matches(rule: IntakeRule, f: IntakeFacts): boolean {
  const w = rule.when;
  if (w.requestKinds && !w.requestKinds.includes(f.requestKind)) return false;
  if (w.symptoms && !w.symptoms.includes(f.symptom)) return false;
  if (w.devicePortable !== undefined && w.devicePortable !== f.devicePortable) return false;
  if (w.remoteReachable !== undefined && w.remoteReachable !== f.remoteReachable) return false;
  return true;
}

/** DESK-01: the first rule whose conditions all hold; on-site when none does (a person can always go). */
export function decideServiceMode(facts: IntakeFacts, rules: readonly IntakeRule[]): ModeDecision {
  const rule = rules.find((r) => matches(r, facts));
  return rule ? { mode: rule.mode, ruleId: rule.id } : { mode: 'on_site', ruleId: 'fallback' };
}

/**
 * The work order a mode opens, if any: phone guidance, remote help and a question answered on the
 * call are finished at the desk (DESK-02/05 tasks follow them up), the others go to the field or bench.
 */
export function orderTypeFor(mode: ServiceMode, kind: RequestKind): WorkOrderType | null {
  switch (mode) {
    case 'on_site':
      return kind === 'install' ? 'install' : kind === 'complaint' ? 'complaint' : 'fault';
    case 'carry_in':
      return 'carry_in';
    case 'paid_service':
      return 'paid_service';
    case 'phone_guidance':
    case 'remote':
    case 'consultation':
      return null;
  }
}

/** DESK-02 / DESK-05 follow-up tasks the desk owes after an intake. */
export const DESK_TASK_KINDS = ['guidance_callback', 'knowledge_reply'] as const;
export type DeskTaskKind = (typeof DESK_TASK_KINDS)[number];

/**
 * Which follow-up an intake needs: guidance given on the phone (or remotely) is confirmed by a call
 * (DESK-02); a question not answerable now gets a promised reply (DESK-05).
 */
export function followUpFor(mode: ServiceMode, answeredNow: boolean): DeskTaskKind | null {
  if (mode === 'phone_guidance' || mode === 'remote') return 'guidance_callback';
  if (mode === 'consultation' && !answeredNow) return 'knowledge_reply';
  return null;
}
