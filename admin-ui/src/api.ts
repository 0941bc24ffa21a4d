// The REST API as the UI calls it: same origin, JSON, with the bearer token the user typed in when
// the API asked for credentials (kept for this browser tab only). Basic auth is the browser's own.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'instaquery.token';
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
};

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const bearer = token.get();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw new ApiError(res.status, (json as { message?: string } | null)?.message ?? `HTTP ${res.status}`, json);
  return json as T;
}

export interface ConnectorStatus {
  name: string;
  type: 'source' | 'sink';
  connector: { state: string; trace?: string };
  tasks: { id: number; state: string; trace?: string }[];
  instaquery?: {
    phase?: string;
    snapshot?: Record<string, number>;
    snapshot_estimates?: Record<string, number>;
    millis_behind_source?: number | null;
    events_applied?: number;
    quarantined?: { table: string; reason: string }[];
    warnings?: string[];
  };
}

export type Expanded = Record<string, { status: ConnectorStatus; info: { name: string; config: Record<string, string>; type: string } }>;
