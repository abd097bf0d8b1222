import { ApiError } from './ApiError';
import { newIdempotencyKey } from './idempotency';
import { clearToken, getToken, UNAUTHORIZED_EVENT } from './token';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** POST only; one is generated when not given, but forms should pass their per-submission key. */
  idempotencyKey?: string;
}

export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) params.set(k, v.join(','));
    } else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The one place that talks to /api: bearer token, JSON, error shape, 401 → back to the login page. */
export async function apiRequest<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST') headers['Idempotency-Key'] = opts.idempotencyKey ?? newIdempotencyKey();

  let res: Response;
  try {
    res = await fetch(`/api${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : 'Network error');
  }

  if (res.status === 401 && token) {
    clearToken();
    window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw errorFrom(res, data);
  return data as T;
}

function errorFrom(res: Response, data: unknown): ApiError {
  if (data && typeof data === 'object' && 'code' in data) {
    const d = data as { code: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      res.status,
      String(d.code),
      typeof d.message === 'string' ? d.message : res.statusText,
      d.details && typeof d.details === 'object' ? (d.details as Record<string, unknown>) : undefined,
    );
  }
  const code = res.status === 401 ? 'UNAUTHENTICATED' : res.status >= 500 ? 'INTERNAL' : `HTTP_${res.status}`;
  return new ApiError(res.status, code, res.statusText || `HTTP ${res.status}`);
}
