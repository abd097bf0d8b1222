import { apiRequest } from './http';
import type { Area, ExternalAccount, Meta, OrgTree, PersonSummary } from './types';

export const referenceApi = {
  meta: () => apiRequest<Meta>('GET', '/meta'),
  orgTree: () => apiRequest<OrgTree>('GET', '/org/tree'),
  areas: () => apiRequest<{ items: Area[] }>('GET', '/areas').then((r) => r.items),
  people: (q: string) =>
    apiRequest<{ items: PersonSummary[] }>('GET', '/people', { query: { q } }).then((r) => r.items),
};

export const externalAccountsApi = {
  search: (q: string) =>
    apiRequest<{ items: ExternalAccount[] }>('GET', '/external-accounts', { query: { q } }).then((r) => r.items),
  link: (personId: string, body: { system: string; externalId: string }, idempotencyKey: string) =>
    apiRequest<ExternalAccount>('POST', `/people/${encodeURIComponent(personId)}/external-accounts`, {
      body,
      idempotencyKey,
    }),
};
