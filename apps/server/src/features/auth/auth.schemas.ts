import { z } from 'zod';
import { POSITIONS } from '@daowei/domain';

export const loginBody = z.object({
  login: z.string().trim().min(1, 'must not be blank').max(64),
  password: z.string().min(1, 'must not be blank').max(256),
});

export const positionBody = z.object({ position: z.enum(POSITIONS) });

export const meView = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    staffNo: z.string(),
    unitId: z.string(),
    vendorId: z.string().nullable(),
  }),
  positions: z.array(z.enum(POSITIONS)),
  position: z.enum(POSITIONS),
  tenant: z.object({ id: z.string(), name: z.string() }),
});
export type MeView = z.infer<typeof meView>;

export const loginAnswer = z.object({ token: z.string(), expiresAt: z.string(), me: meView });
