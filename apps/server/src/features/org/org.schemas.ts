import { z } from 'zod';

export const searchQuery = z.object({ q: z.string().trim().min(1, 'must not be blank').max(100) });
export const optionalSearchQuery = z.object({ q: z.string().trim().max(100).optional() });
export const personParams = z.object({ id: z.uuid() });
export const linkBody = z.object({
  system: z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  externalId: z.string().trim().min(1, 'must not be blank').max(100),
});
