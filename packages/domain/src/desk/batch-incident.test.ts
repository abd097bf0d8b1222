import { describe, expect, it } from 'vitest';
import {
  assertIncidentAction,
  assertLinkableChild,
  childOnIncidentClose,
  incidentCompletion,
  incidentNumber,
  incidentProgressText,
} from './batch-incident.js';
import { carryInOrderMove } from './carry-in.js';
import { slaChannelOfIntake } from './desk-deadlines.js';
import { DEFAULT_DESK_POLICY } from './desk-policy.js';

describe('WO-11 batch incident rules', () => {
  it('WO-11 the clustering numbers are policy data (5 reports within 30 min, device before area)', () => {
    expect(DEFAULT_DESK_POLICY.batchFaults).toMatchObject({
      windowMinutes: 30,
      minReports: 5,
      keys: ['access_device', 'area'],
    });
  });

  it('WO-11 a proposal is confirmed or dismissed; only a confirmed incident tells customers and closes', () => {
    expect(() => assertIncidentAction('proposed', 'confirm')).not.toThrow();
    expect(() => assertIncidentAction('proposed', 'progress')).toThrow(/cannot progress/);
    expect(() => assertIncidentAction('confirmed', 'close')).not.toThrow();
    expect(() => assertIncidentAction('closed', 'link')).toThrow(/closed cannot link/);
    expect(() => assertIncidentAction('dismissed', 'confirm')).toThrow();
  });

  it('WO-11 closing resolves the children still waiting; an engineer at the door finishes his own; finished ones stay', () => {
    expect(childOnIncidentClose('created')).toBe('complete');
    expect(childOnIncidentClose('appointment_confirmed')).toBe('complete');
    expect(childOnIncidentClose('suspended')).toBe('complete');
    expect(childOnIncidentClose('en_route')).toBe('left_with_engineer');
    expect(childOnIncidentClose('on_site')).toBe('left_with_engineer');
    expect(childOnIncidentClose('completed')).toBe('untouched');
    expect(childOnIncidentClose('cancelled')).toBe('untouched');
    expect(incidentCompletion('INC-20261206-ABCDEF', '光缆已熔接')).toEqual({
      customerContacted: false,
      handlingMinutes: 0,
      remark: 'INC-20261206-ABCDEF: 光缆已熔接',
      outcome: { kind: 'done' },
    });
  });

  it('WO-11 only open faults are children; customers read our sentence and the desk note', () => {
    expect(() => assertLinkableChild({ type: 'install', status: 'created' })).toThrow(/Only fault orders/);
    expect(() => assertLinkableChild({ type: 'fault', status: 'closed' })).toThrow(/finished/);
    expect(() => assertLinkableChild({ type: 'fault', status: 'taken' })).not.toThrow();
    expect(incidentProgressText('cause_found', ' 预计两小时恢复 ')).toMatch(/原因已经找到.*预计两小时恢复$/);
    expect(incidentProgressText('restored', null, 'en')).toMatch(/^The outage in your area is fixed/);
    // Numbered by the local day it was proposed (Beijing), like orders.
    expect(incidentNumber(new Date('2026-12-05T17:00:00Z'), 'abcdef12-0000')).toBe('INC-20261206-ABCDEF');
  });
});

describe('DESK-03 carry-in stages move the order; SLA-05 desk channels', () => {
  it('DESK-03 receipt takes, ready completes, pickup closes; bench stages leave the status', () => {
    expect(carryInOrderMove('created', 'received')).toEqual({ action: 'take', to: 'taken' });
    expect(carryInOrderMove('taken', 'received')).toBeNull();
    expect(carryInOrderMove('taken', 'repairing')).toBeNull();
    expect(carryInOrderMove('taken', 'ready')).toEqual({ action: 'complete', to: 'completed' });
    expect(carryInOrderMove('completed', 'picked_up')).toEqual({ action: 'close', to: 'closed' });
    expect(carryInOrderMove('callback', 'picked_up')).toEqual({ action: 'close', to: 'closed' });
    expect(carryInOrderMove('closed', 'picked_up')).toBeNull();
  });

  it('SLA-05 calls and web forms are the hotline, a walk-in the office itself, an external ticket neither', () => {
    expect(slaChannelOfIntake('phone')).toBe('hotline');
    expect(slaChannelOfIntake('web')).toBe('hotline');
    expect(slaChannelOfIntake('walk_in')).toBe('service_office');
    expect(slaChannelOfIntake('external')).toBeNull();
  });
});
