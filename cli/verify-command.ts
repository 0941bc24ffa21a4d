// `instaquery verify --config FILE [--connector NAME] [--chunk-size N]`: compares every included
// table between the source and the store (read through the running instance's gateway) and
// prints a report; exit 0 when all are equal, 1 when any differs.
import mysql from 'mysql2/promise';
import { UserFacingError } from '../core/index.ts';
import type { InstanceConfig } from '../runtime/instance-config.ts';
import { connectionOptions, includedTables, parseMySqlSourceConfig } from '../connectors/mysql-source/index.ts';
import { isSinkClass } from '../connectors/columnar-sink/index.ts';
import { defaultVerifyOptions, verifyTable, type TableReport } from '../runtime/verify/index.ts';

export async function runVerify(config: InstanceConfig, options: { connector?: string; chunkSize?: number }, print: (line: string) => void): Promise<TableReport[]> {
  // Sources are what can be verified; a sink connector only says how they land in the store.
  const sources = config.connectors.filter((c) => !isSinkClass(c.config['connector.class']));
  const chosen = options.connector ? sources.filter((c) => c.name === options.connector) : sources;
  if (chosen.length === 0) {
    throw new UserFacingError(options.connector ? `no connector named '${options.connector}' in the config` : 'the config has no connectors to verify', `known source connectors: ${sources.map((c) => c.name).join(', ') || '(none)'}`, 2);
  }
  const user = config.gateway.users[0];
  const host = config.gateway.host === '0.0.0.0' || config.gateway.host === '::' ? '127.0.0.1' : config.gateway.host;
  let store: mysql.Connection;
  try {
    store = await mysql.createConnection({ ...sameValues, host, port: config.gateway.port, user: user?.user ?? 'root', password: user?.password ?? '' });
  } catch (err) {
    throw new UserFacingError(`cannot reach the instaquery gateway at ${host}:${config.gateway.port}: ${(err as Error).message}`, 'start instaquery with this config first: verify reads the store through its gateway');
  }
  const reports: TableReport[] = [];
  try {
    for (const { name, config: raw } of chosen) {
      const sourceConfig = parseMySqlSourceConfig(raw);
      const source = await mysql.createConnection({ ...connectionOptions(sourceConfig), ...sameValues });
      try {
        for (const t of await includedTables(sourceConfig)) {
          const report = await verifyTable(source, store, t.db, t.table, t, { ...defaultVerifyOptions, chunkSize: options.chunkSize ?? defaultVerifyOptions.chunkSize });
          reports.push(report);
          const verdict = report.differences.length === 0 ? 'equal' : `DIFFERENT in ${report.differences.length} chunk(s)`;
          print(`${name}  ${report.table}  chunks=${report.chunks}  source_rows=${report.sourceRows}  store_rows=${report.storeRows}  ${verdict}`);
          for (const d of report.differences) {
            print(`    keys after ${JSON.stringify(d.after)} up to ${JSON.stringify(d.upTo)}: source ${d.sourceRows} rows, store ${d.storeRows}; missing ${JSON.stringify(d.missingInStore)} extra ${JSON.stringify(d.extraInStore)} changed ${JSON.stringify(d.changed)}`);
          }
        }
      } finally {
        await source.end();
      }
    }
  } finally {
    await store.end();
  }
  return reports;
}

// Both sides decoded alike: exact numbers and temporal text.
const sameValues = { dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, decimalNumbers: false, jsonStrings: true, timezone: 'Z' } as const;
