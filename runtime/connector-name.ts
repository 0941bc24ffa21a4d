// The one rule for connector names, checked wherever a name comes in: POST /connectors,
// PUT /connectors/{name}/config (which creates), every /connectors/{name}/… address, config-file
// connectors and <dataDir>/connectors.json. Kafka's topic-name rule (letters, digits, ".", "_",
// "-", at most 249; not "." or "..") is the bound, since names end up in consumer-group and metric
// names; "/", "\" and ".." anywhere are refused, so a name can never be read as a path, whatever
// uses it later.
export const CONNECTOR_NAME_RULE = `1 to 249 letters, digits, ".", "_" or "-" (not "." alone, no "..", no "/" or "\\")`;

const ALLOWED = /^[A-Za-z0-9._-]{1,249}$/;

export function isValidConnectorName(name: unknown): name is string {
  return typeof name === 'string' && ALLOWED.test(name) && name !== '.' && !name.includes('..');
}

/** Why `name` is refused, naming it (shortened and quoted, so odd bytes cannot garble the message); null when valid. */
export function connectorNameProblem(name: unknown): string | null {
  if (isValidConnectorName(name)) return null;
  const shown = typeof name === 'string' ? JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name) : String(name);
  const length = typeof name === 'string' && name.length > 249 ? ` (${name.length} characters)` : '';
  return `connector name ${shown}${length} is not allowed: a connector name holds ${CONNECTOR_NAME_RULE}`;
}
