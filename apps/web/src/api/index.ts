export { ApiError, toApiError } from './ApiError';
export { authApi } from './auth';
export { externalAccountsApi, referenceApi } from './reference';
export { workOrdersApi } from './workOrders';
export { SubmissionKeys, newIdempotencyKey } from './idempotency';
export { clearToken, getToken, setToken, UNAUTHORIZED_EVENT } from './token';
export type * from './types';
