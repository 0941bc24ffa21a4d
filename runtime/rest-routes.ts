// The REST API's route table: every route it answers, and the ones that need no credentials.

/**
 * Every route the API answers, as `METHOD /path` with `{name}`, `{id}` and `{type}` for the
 * variable parts. Kept in step with the routes (rest-api.ts, connector-routes.ts,
 * instaquery-routes.ts) by hand: test/security/rest-api.test.ts checks that each exists and that
 * each but the probes and /ui/ needs credentials.
 */
export const REST_ROUTES = [
  'GET /',
  'GET /connectors',
  'POST /connectors',
  'GET /connectors/{name}',
  'DELETE /connectors/{name}',
  'GET /connectors/{name}/config',
  'PUT /connectors/{name}/config',
  'PATCH /connectors/{name}/config',
  'GET /connectors/{name}/status',
  'GET /connectors/{name}/tasks',
  'GET /connectors/{name}/tasks/{id}/status',
  'POST /connectors/{name}/tasks/{id}/restart',
  'PUT /connectors/{name}/pause',
  'PUT /connectors/{name}/resume',
  'PUT /connectors/{name}/stop',
  'POST /connectors/{name}/restart',
  'GET /connectors/{name}/offsets',
  'PATCH /connectors/{name}/offsets',
  'DELETE /connectors/{name}/offsets',
  'GET /connectors/{name}/topics',
  'POST /connectors/{name}/snapshot',
  'GET /connectors/{name}/dead-letters',
  'GET /connector-plugins',
  'PUT /connector-plugins/{type}/config/validate',
  'GET /gateway/forwarded',
  'GET /tiering',
  'POST /tiering/run',
  'POST /tiering/restore',
  'POST /instaquery/source-catalog',
  'POST /instaquery/query',
  'GET /instaquery/history/{name}',
  'GET /metrics',
  'GET /healthz',
  'GET /readyz',
  'GET /ui/',
] as const;

/** The routes that answer without credentials: probes, and the UI's page and code (no data in them). */
export const OPEN_ROUTES: readonly string[] = ['GET /healthz', 'GET /readyz', 'GET /ui/'];
