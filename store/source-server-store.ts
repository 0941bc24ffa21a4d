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
  // Added later: a store recorded before it has the column NULL (the names unknown).
  await conn.run(`ALTER TABLE ${META_SCHEMA}.source_server ADD COLUMN IF NOT EXISTS time_zone_names JSON`);
  // SHOW ENGINES / CHARACTER SET / COLLATION as the server lists them (NULL: not read).
  await conn.run(`ALTER TABLE ${META_SCHEMA}.source_server ADD COLUMN IF NOT EXISTS lists JSON`);
}

/** Replaces the connector's record; `first_recorded` stays, so sources keep their order. */
export async function writeSourceServer(conn: DuckDBConnection, connector: string, server: SourceServer): Promise<void> {
  await conn.run(
    `INSERT INTO ${META_SCHEMA}.source_server (connector, flavor, version, variables, variable_names, first_recorded, recorded_at, time_zone_names, lists)
       VALUES ($1, $2, $3, $4, $5, now()::TIMESTAMP, now()::TIMESTAMP, $6, $7)
       ON CONFLICT (connector) DO UPDATE SET flavor = excluded.flavor, version = excluded.version, variables = excluded.variables,
         variable_names = excluded.variable_names, recorded_at = excluded.recorded_at, time_zone_names = excluded.time_zone_names, lists = excluded.lists`,
    [connector, server.flavor, server.version, JSON.stringify(server.variables), JSON.stringify(server.variableNames), JSON.stringify(server.timeZoneNames ?? null), JSON.stringify(server.lists ?? null)],
  );
}

/** Every source's server by connector name, in the order they were first recorded. */
export async function readSourceServers(conn: DuckDBConnection): Promise<Map<string, SourceServer>> {
  const exists = await conn.runAndReadAll(`SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${META_SCHEMA}' AND table_name = 'source_server'`);
  if (exists.getRows().length === 0) return new Map();
  const reader = await conn.runAndReadAll(`SELECT connector, flavor, version, variables::VARCHAR, variable_names::VARCHAR, time_zone_names::VARCHAR, lists::VARCHAR FROM ${META_SCHEMA}.source_server ORDER BY first_recorded, connector`);
  return new Map(
    reader.getRowsJS().map(([connector, flavor, version, variables, names, zones, lists]) => [
      String(connector),
      {
        flavor: flavor === 'mariadb' ? 'mariadb' : 'mysql',
        version: String(version),
        variables: JSON.parse(String(variables)),
        variableNames: JSON.parse(String(names)),
        timeZoneNames: zones === null ? null : JSON.parse(String(zones)),
        lists: lists === null ? null : JSON.parse(String(lists)),
      } satisfies SourceServer,
    ]),
  );
}
