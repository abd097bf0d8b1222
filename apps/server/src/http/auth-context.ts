import type { Position } from '@daowei/domain';

/** Who is calling: resolved from the bearer token once per request, before any handler runs. */
export interface AuthContext {
  tenantId: string;
  personId: string;
  personName: string;
  position: Position;
  positions: readonly Position[];
  /** The person's unit and its ancestors (orders offered to any of them are offered to the person). */
  unitIds: readonly string[];
  /** null for the operator's own staff, who may see every vendor's work. */
  vendorId: string | null;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
