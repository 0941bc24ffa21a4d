// What the REST routes share: the reply shape, the 404, and the checks of a connector name and a
// config body.
import { ConnectError } from './connect-error.ts';
import { connectorNameProblem } from './connector-name.ts';

/** An answer: the HTTP status and the JSON body (null for none). */
export type Reply = [number, unknown];

export function checkName(name: string): void {
  const problem = connectorNameProblem(name);
  if (problem) throw new ConnectError(400, problem);
}

export const notFound = (path: string): Reply => [404, { error_code: 404, message: `No such resource: ${path}` }];

export function configBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ConnectError(400, 'the body must be the connector config as a JSON object of "key": "value"');
  return body as Record<string, unknown>;
}
