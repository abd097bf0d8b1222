import { describe, expect, it } from 'vitest';
import { parseNoticeCsv, parseNoticeDays } from './official-notice.js';

describe('official notice import', () => {
  it('SLA-01 reads a notice as CSV with a header, 休/班 kinds and names', () => {
    const csv =
      '\uFEFFdate,kind,name\n2027-01-01,休,元旦\r\n2027-02-06,班,春节调休\n\n2027-02-07,holiday,Spring Festival\n';
    expect(parseNoticeDays(2027, parseNoticeCsv(csv))).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'working', name: '春节调休' },
      { date: '2027-02-07', kind: 'holiday', name: 'Spring Festival' },
    ]);
  });

  it('SLA-01 refuses a day of another year, a date twice, an unknown kind and a non-date, naming the entry', () => {
    expect(() => parseNoticeDays(2027, [{ date: '2026-12-31', kind: 'holiday' }])).toThrow(/not in 2027/);
    expect(() =>
      parseNoticeDays(2027, [
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-01-01', kind: 'working' },
      ]),
    ).toThrow(/Day 2: 2027-01-01 is listed twice/);
    expect(() => parseNoticeDays(2027, [{ date: '2027-01-01', kind: 'closed' }])).toThrow(/kind "closed"/);
    expect(() => parseNoticeDays(2027, [{ date: '2027-02-30', kind: 'holiday' }])).toThrow(/not a date/);
    expect(() => parseNoticeDays(2027, [])).toThrow(/no days/);
  });

  it('SLA-01 gives unnamed days a default name by kind', () => {
    expect(parseNoticeDays(2027, [{ date: '2027-10-09', kind: '班' }])[0]!.name).toBe('2027 调休上班');
  });
});
