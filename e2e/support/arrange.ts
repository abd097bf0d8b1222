import type { Page } from 'playwright-core';
import { apiLogin, apiPost } from './api.js';
import { DEMO_PASSWORD } from './login.js';

/**
 * Arranging the seed flows' data through the public API, the way the desk would have before the
 * person in the browser starts: one signed-in token per demo login (login is rate-limited), orders of
 * each type with a unique serial, lifecycle actions.
 */
export interface Arranger {
  token: (login: string) => Promise<string>;
  personId: (login: string) => Promise<string>;
  get: <T = any>(login: string, path: string) => Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  post: <T = any>(login: string, path: string, body: unknown) => Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  order: (login: string, type: 'install' | 'fault' | 'complaint', extra?: Record<string, unknown>) => Promise<Created>;
  act: (login: string, orderId: string, action: string, body?: unknown) => Promise<unknown>;
  /** ENG-05: records the on-site diagnosis a visited fault needs before it completes. */
  diagnose: (login: string, orderId: string) => Promise<unknown>;
  /** The area of coord1's station (orders there are the demo vendor's and its engineers'). */
  areaId: () => Promise<string>;
  /** Forgets the tokens (after the server's clock moved past their expiry). */
  forget: () => void;
}

export interface Created {
  id: string;
  number: string;
  serial: string;
}

export function arranger(url: string): Arranger {
  const sessions = new Map<string, { token: string; personId: string }>();
  let n = 0;
  let area: string | null = null;
  const stamp = String(Date.now()).slice(-7);

  async function session(login: string) {
    let s = sessions.get(login);
    if (!s) {
      const r = await apiLogin(url, login, DEMO_PASSWORD);
      s = { token: r.token, personId: r.me.person.id };
      sessions.set(login, s);
    }
    return s;
  }
  const token = async (login: string) => (await session(login)).token;

  async function get<T>(login: string, path: string): Promise<T> {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${await token(login)}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  async function post<T>(login: string, path: string, body: unknown): Promise<T> {
    return (await apiPost(url, await token(login), path, body)) as unknown as T;
  }

  async function areaId(): Promise<string> {
    if (area) return area;
    const me = await get<{ person: { unitId: string } }>('coord1', '/api/me');
    const areas = await get<{ items: { id: string; stationId: string | null }[] }>('coord1', '/api/areas');
    area = (areas.items.find((a) => a.stationId === me.person.unitId) ?? areas.items[0]!).id;
    return area;
  }

  async function order(login: string, type: 'install' | 'fault' | 'complaint', extra: Record<string, unknown> = {}) {
    n += 1;
    const serial = `E2E-${type.slice(0, 3).toUpperCase()}-${stamp}-${n}`;
    const phone = `13${stamp}${String(n).padStart(2, '0')}`;
    const created = await apiPost(url, await token(login), '/api/work-orders', {
      type,
      acceptanceSerial: serial,
      product: 'broadband',
      business: 'home broadband',
      productNumber: `BB-${stamp}-${n}`,
      customer: { name: `测试客户${n}`, phone, address: `文三路 ${100 + n} 号 2-30${n % 10}` },
      areaId: await areaId(),
      ...(type === 'install'
        ? { broadband: { bandwidthMbps: 500, tariff: '500M 融合套餐', accessMethod: 'FTTH', cooperationMode: 'self' } }
        : { faultDescription: type === 'fault' ? '光猫红灯，无法上网' : '装机师傅态度不好，宽带一直没装好' }),
      ...extra,
    });
    return { id: created.order.id, number: created.order.number, serial };
  }

  const act = async (login: string, orderId: string, action: string, body: unknown = {}) =>
    post(login, `/api/work-orders/${orderId}/actions/${action}`, body);

  const diagnose = async (login: string, orderId: string) =>
    post(login, `/api/work-orders/${orderId}/diagnosis`, {
      symptomReproduced: 'yes',
      observedMinutes: 10,
      causeCategory: 'ours',
      finding: '入户皮线接头松动，重新接续',
    });

  return {
    token,
    personId: async (login) => (await session(login)).personId,
    get,
    post,
    order,
    act,
    diagnose,
    areaId,
    forget: () => sessions.clear(),
  };
}

/** antd-mobile puts a test id on the wrapper or on the input itself depending on the control. */
export function phoneField(page: Page, testId: string, tag: 'input' | 'textarea' = 'input') {
  return page
    .getByTestId(testId)
    .locator(tag)
    .or(page.locator(`${tag}[data-testid="${testId}"]`))
    .first();
}

/** The status the phone's order page shows (data-status on the status tag). */
export const phoneStatus = (page: Page) => page.getByTestId('order-status').getAttribute('data-status');
