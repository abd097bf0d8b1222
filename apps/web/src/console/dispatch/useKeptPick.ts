import { useState } from 'react';

/**
 * DSP-03: a choice from a list the board reloads (the day's engineers, the day's visits). The choice is
 * kept by id, so a reload of the day — after a change, or when the coordinator asks for the day again —
 * does not drop it; it is dropped only when the user clears it or the id is no longer in the list (the
 * engineer was taken off the day, the visit moved out of it), so a run never acts on someone who left.
 */
export function useKeptPick(ids: readonly string[]): [string | undefined, (id: string | undefined) => void] {
  const [picked, setPicked] = useState<string | undefined>();
  const present = picked !== undefined && ids.includes(picked);
  // Adjusting state while rendering (React's pattern for state derived from new props): the stale pick is
  // gone before anything shows it, and the guard makes the second render a no-op.
  if (picked !== undefined && !present) setPicked(undefined);
  return [present ? picked : undefined, setPicked];
}
