/** An error answer of the API, `{ code, message, details }`, plus the HTTP status (0 = no answer). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** 409: someone else moved the order first (taken, transitioned, stale version). */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError(0, 'NETWORK', message);
}
