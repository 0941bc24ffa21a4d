// Refuses the requests a web page can make a browser send to the REST API on its visitor's
// behalf. The API is meant for curl, scripts and the admin UI on its own origin; a page elsewhere
// must neither change state through it (CSRF: the browser adds basic-auth credentials by itself,
// and with no auth configured a loopback API has none to add) nor read it by pointing its own
// domain at 127.0.0.1 (DNS rebinding). Three checks, each answered as Kafka Connect shapes
// errors ({error_code, message}):
// - Host: on a loopback bind, the Host header must name a loopback address or rest.host (403);
// - Origin / Sec-Fetch-Site: a state-changing request from another origin or site is refused (403);
//   one with neither header (curl, scripts) is allowed;
// - Content-Type: a state-changing request's body must be declared application/json (415, as
//   Kafka Connect's Jersey answers), so a plain HTML form or a "simple" cross-site fetch, which
//   cannot send that type without a CORS preflight this API never grants, cannot reach a handler.
import type { IncomingMessage } from 'node:http';

export interface Refusal {
  status: 403 | 415;
  message: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isStateChanging = (method: string | undefined) => !SAFE_METHODS.has((method ?? 'GET').toUpperCase());

/** The bind addresses that only this machine can reach (as the config's check for rest.host). */
export const isLoopbackBind = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);

/** A Host header's name and port; null when it is not a plain host[:port]. */
function parseHost(value: string | undefined): { name: string; port: string } | null {
  if (!value || !/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(value)) return null;
  try {
    // WHATWG parsing normalizes what a browser would: case, 127.1 and 0x7f.0.0.1 as 127.0.0.1, IPv6.
    const url = new URL(`http://${value}`);
    return { name: url.hostname, port: url.port };
  } catch {
    return null;
  }
}

const LOOPBACK_NAME = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** DNS rebinding: bound to loopback, only a loopback name or rest.host may be the Host. */
export function hostRefusal(req: IncomingMessage, boundHost: string): Refusal | null {
  if (!isLoopbackBind(boundHost)) return null;
  const host = parseHost(req.headers.host);
  const configured = parseHost(boundHost.includes(':') ? `[${boundHost}]` : boundHost)?.name;
  if (host && (LOOPBACK_NAME.test(host.name) || host.name === configured)) return null;
  const shown = req.headers.host === undefined ? 'no Host header' : `Host ${JSON.stringify(req.headers.host.slice(0, 200))}`;
  return {
    status: 403,
    message: `request refused: ${shown} is not this server's address. The REST API is bound to the loopback address ${boundHost}, so it answers only requests addressed to localhost, 127.0.0.1, [::1] or rest.host (${boundHost}); another name pointing here is how DNS rebinding reaches a local API. Use http://${boundHost.includes(':') ? `[${boundHost}]` : boundHost}:<port>/, or set rest.host (with rest.token or rest.users) to serve other names`,
  };
}

/** Host and port of an http(s) origin, with the scheme's default port made explicit. */
function originHostPort(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return null;
  }
}

/** CSRF: a state-changing request must not come from another origin or another site. */
export function crossSiteRefusal(req: IncomingMessage): Refusal | null {
  if (!isStateChanging(req.method)) return null;
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const host = parseHost(req.headers.host);
  const base = host ? `http://${host.name}${host.port ? `:${host.port}` : ''}` : 'this server';
  const todo = `State-changing calls (${req.method}) are accepted only from the same origin: use the admin UI at ${base}/ui/, or call the API from curl or a script, which send no Origin header`;
  if (site === 'cross-site' || site === 'same-site') {
    return { status: 403, message: `cross-site request refused: the browser marked it Sec-Fetch-Site: ${site}${origin ? ` (Origin ${JSON.stringify(origin.slice(0, 200))})` : ''}. ${todo}` };
  }
  if (origin === undefined) return null;
  const from = originHostPort(origin);
  // The origin's port is compared with the Host's under the origin's scheme (TLS may end at a proxy).
  const to = host ? `${host.name}:${host.port || (origin.startsWith('https:') ? '443' : '80')}` : null;
  if (from !== null && from === to) return null;
  return { status: 403, message: `cross-origin request refused: Origin ${JSON.stringify(origin.slice(0, 200))} is not this server (${base}). ${todo}` };
}

/** A body on a state-changing request must be declared JSON (a charset parameter is fine). */
export function mediaTypeRefusal(req: IncomingMessage, hasBody: boolean): Refusal | null {
  if (!hasBody || !isStateChanging(req.method)) return null;
  const type = req.headers['content-type'];
  if ((type ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json') return null;
  const got = type === undefined ? 'no Content-Type' : `Content-Type ${JSON.stringify(type.slice(0, 100))}`;
  return { status: 415, message: `HTTP 415 Unsupported Media Type: the body came with ${got}; send it as JSON with the header Content-Type: application/json` };
}
