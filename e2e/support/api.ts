/** Plain HTTP calls the browser tests use to arrange their data through the public API. */
export async function apiLogin(
  url: string,
  login: string,
  password: string,
): Promise<{ token: string; me: { person: { id: string } } }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; me: { person: { id: string } } };
}

/** The part of an order detail answer these scripts read. */
interface OrderDetail {
  order: { id: string; number: string; status: string };
}

export async function apiPost(url: string, token: string, path: string, body: unknown): Promise<OrderDetail> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as OrderDetail;
}
