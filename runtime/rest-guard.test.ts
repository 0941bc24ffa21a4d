// The REST API's request guards, name rule and secret scrubbing, case by case (the real process
// is driven in test/security/rest-api.test.ts).
import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { crossSiteRefusal, hostRefusal, mediaTypeRefusal } from './rest-guard.ts';
import { connectorNameProblem, isValidConnectorName } from './connector-name.ts';
import { SecretScrubber } from './secret-scrub.ts';

const req = (method: string, headers: Record<string, string>) => ({ method, headers }) as unknown as IncomingMessage;

describe('Host check (DNS rebinding)', () => {
  it.each(['127.0.0.1:8083', 'localhost:8083', 'LOCALHOST', '127.1.2.3', '[::1]:8083', '127.1:8083'])('accepts %s on a loopback bind', (host) => {
    expect(hostRefusal(req('GET', { host }), '127.0.0.1')).toBeNull();
  });
  it.each(['evil.example:8083', 'evil.example', '127.0.0.1.evil.example', 'localhost.', 'a@127.0.0.1', '10.0.0.5:8083', ''])('refuses %s on a loopback bind', (host) => {
    const refusal = hostRefusal(req('GET', { host }), '127.0.0.1');
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toMatch(/DNS rebinding/);
  });
  it('accepts the configured rest.host, and checks nothing on a non-loopback bind', () => {
    expect(hostRefusal(req('GET', { host: 'localhost:1' }), 'localhost')).toBeNull();
    expect(hostRefusal(req('GET', { host: '[::1]:1' }), '::1')).toBeNull();
    expect(hostRefusal(req('GET', { host: 'evil.example' }), '0.0.0.0')).toBeNull();
  });
});

describe('cross-site check (CSRF)', () => {
  const host = '127.0.0.1:8083';
  it('allows safe methods from anywhere, and state changes with no Origin or from the same origin', () => {
    expect(crossSiteRefusal(req('GET', { host, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }))).toBeNull();
    expect(crossSiteRefusal(req('POST', { host }))).toBeNull();
    expect(crossSiteRefusal(req('POST', { host, origin: 'http://127.0.0.1:8083', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(crossSiteRefusal(req('PUT', { host, origin: 'https://127.0.0.1:8083' }))).toBeNull();
    expect(crossSiteRefusal(req('DELETE', { host: 'example.com', origin: 'https://example.com' }))).toBeNull();
    expect(crossSiteRefusal(req('POST', { host, 'sec-fetch-site': 'none' }))).toBeNull();
  });
  it.each<[Record<string, string>]>([
    [{ origin: 'http://evil.example' }],
    [{ origin: 'http://127.0.0.1:9999' }],
    [{ origin: 'http://localhost:8083' }],
    [{ origin: 'null' }],
    [{ origin: 'file://' }],
    [{ origin: 'chrome-extension://abc' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ origin: 'http://127.0.0.1:8083', 'sec-fetch-site': 'cross-site' }],
  ])('refuses a state change with %j, naming the Origin and what to do', (headers) => {
    const refusal = crossSiteRefusal(req('POST', { host, ...headers }));
    expect(refusal?.status).toBe(403);
    if (headers.origin) expect(refusal?.message).toContain(headers.origin);
    expect(refusal?.message).toMatch(/admin UI at http:\/\/127\.0\.0\.1:8083\/ui\/|curl/);
  });
});

describe('JSON body check', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'])('accepts %s', (type) => {
    expect(mediaTypeRefusal(req('POST', { 'content-type': type }), true)).toBeNull();
  });
  it('needs no type without a body, nor on GET', () => {
    expect(mediaTypeRefusal(req('PUT', {}), false)).toBeNull();
    expect(mediaTypeRefusal(req('GET', { 'content-type': 'text/plain' }), true)).toBeNull();
  });
  it.each([undefined, 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx'])('answers 415 to %s', (type) => {
    const refusal = mediaTypeRefusal(req('POST', type === undefined ? {} : { 'content-type': type }), true);
    expect(refusal).toMatchObject({ status: 415, message: expect.stringMatching(/^HTTP 415 Unsupported Media Type: .*Content-Type: application\/json/) });
  });
});

describe('connector names', () => {
  it.each(['rb-source', 'a', 'A.b_c-9', 'x'.repeat(249), 'v1.2'])('accepts %s', (name) => expect(isValidConnectorName(name)).toBe(true));
  it.each(['', '.', '..', 'a..b', '../x', 'a/b', 'a\\b', 'x'.repeat(250), 'a b', 'a\u0000b', 'é', 'a%2Fb'])('refuses %j with a message naming it and the rule', (name) => {
    const problem = connectorNameProblem(name);
    expect(problem).toContain(JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name));
    expect(problem).toMatch(/letters, digits, "\.", "_" or "-"/);
  });
});

describe('secret scrubbing', () => {
  it('replaces remembered secrets in free-text fields only', () => {
    const s = new SecretScrubber();
    s.rememberSecretsOf({ name: 'x', config: { 'database.password': 'hunter22', 'database.user': 'cdc' } });
    s.remember('abc'); // too short to replace safely
    const out = s.scrub({ error_code: 500, message: 'login hunter22 failed (abc)', tasks: [{ trace: 'x hunter22' }], rows: [['hunter22']], config: { note: 'hunter22' } });
    expect(out).toEqual({ error_code: 500, message: 'login [hidden] failed (abc)', tasks: [{ trace: 'x [hidden]' }], rows: [['hunter22']], config: { note: 'hunter22' } });
  });
  it('keeps dates and the [hidden] marker as they are', () => {
    const s = new SecretScrubber();
    s.remember('[hidden]');
    s.remember('secret-1');
    const at = new Date(0);
    expect(s.scrub({ at, message: '[hidden] secret-1' })).toEqual({ at, message: '[hidden] [hidden]' });
  });
});
