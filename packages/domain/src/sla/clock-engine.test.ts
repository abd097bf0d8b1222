import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/business-calendar.js';
import { DEFAULT_CALENDAR_SPEC } from '../calendar/calendar-spec.js';
import { zonedDateTime } from '../shared/local-time.js';
import { explainClock } from './explain.js';
import { OFFICE_SPEC, clockOf, facts, kinds, officeCalendar, sh } from './sla.fixtures.js';

const due = (kind: string, f = facts(), cal = officeCalendar): string => clockOf(kind, f, cal).dueAt.toISOString();
const at = (date: string, time: string): string => sh(date, time).toISOString();

describe('SLA-04 fault repair cut-off', () => {
  it('SLA-04 a fault reported at exactly 18:00 is due 09:00 the next working day', () => {
    expect(due('fault_repair', facts({ acceptedAt: sh('2026-11-23', '18:00') }))).toBe(at('2026-11-24', '09:00'));
    // Friday at 18:00: the next working day is Monday.
    expect(due('fault_repair', facts({ acceptedAt: sh('2026-11-27', '18:00') }))).toBe(at('2026-11-30', '09:00'));
  });

  it('SLA-04 a fault reported at 17:59 is due the same day (by 24:00)', () => {
    expect(due('fault_repair', facts({ acceptedAt: sh('2026-11-23', '17:59') }))).toBe(at('2026-11-24', '00:00'));
  });

  it('SLA-04 a fault reported on the eve of National Day (2026-09-30 19:00) is due 09:00 on 2026-10-08', () => {
    const clock = clockOf('fault_repair', facts({ acceptedAt: sh('2026-09-30', '19:00') }));
    expect(clock.dueAt.toISOString()).toBe(at('2026-10-08', '09:00'));
    expect(clock.provisional).toBe(false);
    const text = explainClock(clock).text;
    expect(text['zh-CN'].join('\n')).toContain('跳过 7 个非工作日（2026-10-01 至 2026-10-07，国庆节）');
    expect(text.en.join('\n')).toContain('At or after the 18:00 cut-off: due by 09:00 the next working day');
  });

  it('SLA-04 a fault reported during the holiday counts as after the cut-off: due the first working morning', () => {
    expect(due('fault_repair', facts({ acceptedAt: sh('2026-10-03', '10:00') }))).toBe(at('2026-10-08', '09:00'));
  });

  it('SLA-04 a 调休 Saturday (2026-10-10) is a working day: a morning fault there is due that same day', () => {
    expect(due('fault_repair', facts({ acceptedAt: sh('2026-10-10', '10:00') }))).toBe(at('2026-10-11', '00:00'));
    // A plain Saturday is not: 2026-11-28 10:00 is due Monday 09:00.
    expect(due('fault_repair', facts({ acceptedAt: sh('2026-11-28', '10:00') }))).toBe(at('2026-11-30', '09:00'));
  });

  it('SLA-04 a later appointment chosen by the customer moves the deadline to the end of the window', () => {
    const appointment = {
      start: sh('2026-11-25', '14:00'),
      end: sh('2026-11-25', '16:00'),
      chosenBy: 'customer' as const,
    };
    const clock = clockOf('fault_repair', facts({ acceptedAt: sh('2026-11-23', '10:00'), appointment }));
    expect(clock.dueAt.toISOString()).toBe(at('2026-11-25', '16:00'));
    expect(explainClock(clock).text.en.join('\n')).toContain('The customer chose a later window');
    // A window we arranged does not move the promise.
    const ours = clockOf('fault_repair', facts({ appointment: { ...appointment, chosenBy: 'us' } }));
    expect(ours.dueAt.toISOString()).toBe(at('2026-11-24', '00:00'));
  });

  it('SLA-04 the cut-off is wall-clock time in the area zone, DST included (America/New_York)', () => {
    const ny = new BusinessCalendar({ ...OFFICE_SPEC, id: 'ny', timeZone: 'America/New_York', officialHolidays: null });
    const reported = zonedDateTime('2026-03-06', '18:30', 'America/New_York'); // Friday, EST
    const clock = clockOf('fault_repair', facts({ acceptedAt: reported }), ny);
    expect(clock.dueAt.toISOString()).toBe('2026-03-09T13:00:00.000Z'); // Monday 09:00 EDT (UTC−4)
    const shanghai = clockOf('fault_repair', facts({ acceptedAt: sh('2026-03-06', '18:30') }));
    expect(shanghai.dueAt.toISOString()).toBe('2026-03-09T01:00:00.000Z'); // Monday 09:00 UTC+8
  });
});

describe('SLA-01 provisional deadlines', () => {
  it('SLA-01 year 2027 is missing from the dataset, so a deadline computed in it is provisional', () => {
    expect(officeCalendar.coverage(2027)).toBe('missing');
    const clock = clockOf('fault_repair', facts({ acceptedAt: sh('2026-12-31', '19:00') }));
    // The dataset does not know 2027-01-01 is New Year's Day: it answers "Friday, working day".
    expect(clock.dueAt.toISOString()).toBe(at('2027-01-01', '09:00'));
    expect(clock.provisional).toBe(true);
    expect(clock.provisionalYears).toEqual([2027]);
    expect(explainClock(clock).text['zh-CN'].join('\n')).toContain('2027 年尚无官方节假日安排');
    // Elapsed time does not depend on holidays: a 2 h first contact in 2027 is not provisional.
    const contact = clockOf('first_contact', facts({ channel: 'hotline', acceptedAt: sh('2027-03-01', '10:00') }));
    expect(contact.provisional).toBe(false);
  });

  it('SLA-01 once an admin declares the 2027 notice, the same fault is exact and skips the holiday', () => {
    const cal = new BusinessCalendar({
      ...OFFICE_SPEC,
      declaredYears: [2027],
      overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'official_notice' }],
    });
    const clock = clockOf('fault_repair', facts({ acceptedAt: sh('2026-12-31', '19:00') }), cal);
    expect(clock.dueAt.toISOString()).toBe(at('2027-01-04', '09:00'));
    expect(clock.provisional).toBe(false);
  });
});

describe('SLA-03 installation', () => {
  const install = facts({ type: 'install', acceptedAt: sh('2026-11-23', '10:00') });

  it('SLA-03 an install is due 3 days after acceptance, same local time, weekends included', () => {
    expect(due('install_complete', install)).toBe(at('2026-11-26', '10:00'));
    expect(due('install_complete', facts({ type: 'install', acceptedAt: sh('2026-11-27', '15:00') }))).toBe(
      at('2026-11-30', '15:00'),
    );
    expect(clockOf('install_complete', install).definition.breachPenaltyFen).toBe(20_000);
  });

  it('SLA-03 an install is flagged for spot-check at 7 days (warning at 80 % marks "nearing")', () => {
    const c = clockOf('install_spot_check', install);
    expect(c.dueAt.toISOString()).toBe(at('2026-11-30', '10:00'));
    expect(c.warnAt.getTime() - c.startedAt.getTime()).toBe(483_840_000); // 80 % of 7 days: day 5, 14:24
  });
});

describe('SLA-05 service office promises', () => {
  const office = (o: Parameters<typeof facts>[0] = {}) => facts({ channel: 'service_office', ...o });

  it('SLA-05 the hotline hands an order to a coordinator within 30 min', () => {
    expect(due('hotline_handoff', facts({ channel: 'hotline' }))).toBe(at('2026-11-23', '10:30'));
  });

  it('SLA-05 the customer is contacted within 2 h of the first request, night or day', () => {
    expect(due('first_contact', facts({ channel: 'hotline', acceptedAt: sh('2026-11-23', '23:30') }))).toBe(
      at('2026-11-24', '01:30'),
    );
  });

  it('SLA-05 on site within 2 working days inside the area, 3 within 80 km outside it', () => {
    expect(due('on_site_inside', office())).toBe(at('2026-11-25', '17:30'));
    expect(due('on_site_near', office({ coverage: 'near' }))).toBe(at('2026-11-26', '17:30'));
    // Friday: the weekend does not count.
    expect(due('on_site_inside', office({ acceptedAt: sh('2026-11-27', '16:00') }))).toBe(at('2026-12-01', '17:30'));
    // With the shipped calendar's evening shift, close of business is 22:00.
    const shipped = new BusinessCalendar(DEFAULT_CALENDAR_SPEC);
    expect(due('on_site_inside', office(), shipped)).toBe(at('2026-11-25', '22:00'));
  });

  it('SLA-05 a service office fault gets the SLA-05 promises, not the broadband cut-off', () => {
    expect(kinds(office())).toEqual(['first_contact', 'on_site_inside']);
    expect(kinds(facts())).toEqual(['fault_repair']);
    expect(kinds(office({ coverage: 'not_covered' }))).toEqual(['first_contact']);
  });

  it('SLA-05 carry-in repair within 3 working days; hard questions within 1 working day', () => {
    expect(due('carry_in_repair', facts({ type: 'carry_in' }))).toBe(at('2026-11-26', '17:30'));
    expect(due('carry_in_repair', facts({ type: 'carry_in', acceptedAt: sh('2026-09-30', '10:00') }))).toBe(
      at('2026-10-10', '17:30'), // 10-08, 10-09 and the 调休 Saturday 10-10
    );
    const hard = facts({ type: 'consultation', tags: ['hard_question'] });
    expect(due('hard_question', hard)).toBe(at('2026-11-24', '17:30'));
    expect(kinds(facts({ type: 'consultation' }))).toEqual([]);
  });
});

describe('SLA-06 and SLA-08', () => {
  it('SLA-06 urgent repair: on site within 30 min only where the contract says so', () => {
    const urgent = facts({ priority: 'urgent', contractTerms: ['urgent_repair'] });
    expect(due('urgent_arrival', urgent)).toBe(at('2026-11-23', '10:30'));
    expect(kinds(facts({ priority: 'urgent' }))).not.toContain('urgent_arrival');
  });

  it('SLA-08 damage to customer property is compensated within 48 h, weekends included', () => {
    expect(kinds(facts())).not.toContain('damage_compensation');
    const damaged = facts({ moments: { damage_reported: sh('2026-11-27', '15:00') } });
    expect(due('damage_compensation', damaged)).toBe(at('2026-11-29', '15:00'));
  });

  it('DESK-02 a phone-guided fix gets a callback 2 h later', () => {
    const guided = facts({ type: 'consultation', moments: { phone_guidance_ended: sh('2026-11-23', '16:10') } });
    expect(due('guidance_callback', guided)).toBe(at('2026-11-23', '18:10'));
  });
});
