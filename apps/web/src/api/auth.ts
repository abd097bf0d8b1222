import type { Position } from '@daowei/domain';
import { apiRequest } from './http';
import type { LoginResult, Me } from './types';

export const authApi = {
  login: (login: string, password: string, idempotencyKey?: string) =>
    apiRequest<LoginResult>('POST', '/auth/login', { body: { login, password }, idempotencyKey }),
  logout: () => apiRequest<void>('POST', '/auth/logout', { body: {} }),
  me: () => apiRequest<Me>('GET', '/me'),
  setPosition: (position: Position) => apiRequest<Me>('PUT', '/me/position', { body: { position } }),
};
