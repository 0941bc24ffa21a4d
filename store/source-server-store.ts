// Which server each source is (`_instaquery.source_server`): flavor, version and the variables
// clients read, as its connector found them when it connected. The gateway presents itself as
// the first source's server (handshake version, @@variables, per-flavor variable names).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceServer } from '../core/index.ts';
import { META_SCHEMA } from './offset-store.ts';

export async function createSourceServerTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.source_server (
    connector VARCHAR PRIMARY KEY, flavor VARCHAR NOT NULL, version VARCHAR NOT NULL, variables JSON NOT NULL,
    variable_names JSON NOT NULL, first_recorded TIMESTAMP NOT NULL, recorded_at TIMESTAMP NOT NULL)`);
}

/** Replaces the connector's record; `first_recorded` stays, so sources keep their order. */
export async function writeSourceServer(conn: DuckDBConnection, connector: string, server: SourceServer): Promise<void> {
  await conn.run(
    `INSERT INTO ${META_SCHEMA}.source_server VALUES ($1, $2, $3, $4, $5, now()::TIMESTAMP, now()::TIMESTAMP)
       ON CONFLICT (connector) DO UPDATE SET flavor = excluded.flavor, version = excluded.version, variables = excluded.variables,
         variable_names = excluded.variable_names, recorded_at = excluded.recorded_at`,
    [connector, server.flavor, server.version, JSON.stringify(server.variables), JSON.stringify(server.variableNames)],
  );
}

/** Every source's server by connector name, in the order they were first recorded. */
export async function readSourceServers(conn: DuckDBConnection): Promise<Map<string, SourceServer>> {
  const exists = await conn.runAndReadAll(`SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${META_SCHEMA}' AND table_name = 'source_server'`);
  if (exists.getRows().length === 0) return new Map();
  const reader = await conn.runAndReadAll(`SELECT connector, flavor, version, variables::VARCHAR, variable_names::VARCHAR FROM ${META_SCHEMA}.source_server ORDER BY first_recorded, connector`);
  return new Map(
    reader.getRowsJS().map(([connector, flavor, version, variables, names]) => [
      String(connector),
      { flavor: flavor === 'mariadb' ? 'mariadb' : 'mysql', version: String(version), variables: JSON.parse(String(variables)), variableNames: JSON.parse(String(names)) } satisfies SourceServer,
    ]),
  );
}
