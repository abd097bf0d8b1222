import { buildInstance } from './instance.js';
import type { CustomerRecord, VrptwInstance } from './instance.js';

/**
 * Parses the Solomon text format (also used by Gehring & Homberger): a name line, a VEHICLE section
 * with "NUMBER CAPACITY", then a CUSTOMER table whose first row is the depot. Parsing is by numeric
 * rows rather than fixed line offsets, because copies of the files differ in blank lines and spacing.
 */
export function parseSolomon(text: string, fallbackName = 'instance'): VrptwInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? fallbackName;
  let fleetSize = 0;
  let capacity = 0;
  const rows: CustomerRecord[] = [];
  let section: 'none' | 'vehicle' | 'customer' = 'none';
  for (const line of lines) {
    if (/^VEHICLE/i.test(line)) {
      section = 'vehicle';
      continue;
    }
    if (/^CUSTOMER/i.test(line)) {
      section = 'customer';
      continue;
    }
    if (!/^[-\d.]/.test(line)) continue;
    const nums = line.split(/\s+/).map(Number);
    if (nums.some((v) => !Number.isFinite(v))) continue;
    if (section === 'vehicle' && nums.length >= 2) {
      fleetSize = nums[0]!;
      capacity = nums[1]!;
    } else if (section === 'customer' && nums.length >= 7) {
      rows.push({
        id: nums[0]!,
        x: nums[1]!,
        y: nums[2]!,
        demand: nums[3]!,
        ready: nums[4]!,
        due: nums[5]!,
        service: nums[6]!,
      });
    }
  }
  if (capacity <= 0) throw new Error('Solomon file: missing VEHICLE capacity');
  if (rows.length < 2) throw new Error('Solomon file: no customers');
  return buildInstance(name, capacity, fleetSize, rows);
}
