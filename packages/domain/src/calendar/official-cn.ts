// The dataset of the maintained `chinese-days` package, read as data: its JS entry is a minified CommonJS
// bundle that Node's ESM loader cannot name-import, and its per-call API parses dates with its own
// date library, far too slow for the engine's hot path. The JSON holds exactly the official facts.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * SLA-01: mainland China's official public holidays and make-up working days (调休), as published each
 * year by the State Council's General Office. The dataset package covers a limited range of years and,
 * for a year it does not know, would answer as if the year had no holidays at all (plain weekends). The
 * calendar must never do that silently, so this wrapper states which years it actually has.
 */
export interface OfficialDay {
  /** `holiday`: a day off by the notice; `working`: a make-up working day (调休), usually a weekend. */
  kind: 'holiday' | 'working';
  /** Festival names as the dataset gives them, e.g. National Day / 国庆节. */
  name: { 'zh-CN': string; en: string };
}

export interface OfficialHolidaySource {
  /** Shown in explanations, so a deadline names where its holidays came from. */
  readonly id: string;
  readonly description: string;
  /** Years for which the source holds the official notice. */
  readonly years: ReadonlySet<number>;
  dayOf(isoDate: string): OfficialDay | undefined;
}

interface Dataset {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Entries read "National Day,国庆节,3": English name, Chinese name, a festival number we do not need. */
function parseName(entry: string): OfficialDay['name'] {
  const [en = entry, zh = en] = entry.split(',');
  return { 'zh-CN': zh, en };
}

/** Builds a source from dataset-shaped data; exported so tests and imports can use other data. */
export function officialSourceFromDataset(id: string, description: string, data: Dataset): OfficialHolidaySource {
  const days = new Map<string, OfficialDay>();
  const years = new Set<number>();
  for (const [date, entry] of Object.entries(data.holidays)) {
    days.set(date, { kind: 'holiday', name: parseName(entry) });
    // A year counts as covered once its notice is in: every notice grants holidays, so the years with
    // at least one holiday are the years the dataset knows.
    years.add(Number(date.slice(0, 4)));
  }
  // Make-up days are written after holidays: a date can only be one or the other in a notice.
  for (const [date, entry] of Object.entries(data.workdays))
    days.set(date, { kind: 'working', name: parseName(entry) });
  return { id, description, years, dayOf: (isoDate) => days.get(isoDate) };
}

export const CHINA_MAINLAND_HOLIDAYS: OfficialHolidaySource = officialSourceFromDataset(
  'cn-mainland',
  'Mainland China public holidays and make-up working days (chinese-days dataset)',
  chineseDays as Dataset,
);
