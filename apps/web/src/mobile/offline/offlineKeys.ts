/**
 * ENG-07: the keys the phone's pages cache their reads under (per person: the answers depend on who
 * asks). One place, so the day's background prefetch fills exactly what each page reads offline.
 */
export const listKey = (personId: string, scope: string, type: string) => `list:${personId}:${scope}:${type}`;
export const detailKey = (personId: string, orderId: string) => `detail:${personId}:${orderId}`;
/** A visit record of an order: checklist, consents, attachments, diagnosis. */
export const visitKey = (personId: string, orderId: string, what: string) => `visit:${personId}:${orderId}:${what}`;
/** A planned-work record (care visit, its confirmation, inspection) or a parts read of an order. */
export const orderReadKey = (kind: string, personId: string, orderId: string) => `${kind}:${personId}:${orderId}`;
/** The tenant's scripts for explaining a cause category (DESK-04). */
export const causeScriptsKey = (personId: string, cause: string) => `scripts:${personId}:${cause}`;
