// <dataDir>/connectors.json: the connectors' configs and target states, persisted so they come
// back after a restart.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorConfig, TargetState } from './connector-entry.ts';

const CONFIGS_FILE = 'connectors.json';

export interface SavedConnector {
  name: string;
  config: ConnectorConfig;
  target: TargetState;
}

export function connectorsFile(dataDir: string): string {
  return join(dataDir, CONFIGS_FILE);
}

/** The connectors saved in `path`; none when there is no such file. */
export function readSavedConnectors(path: string): SavedConnector[] {
  if (!existsSync(path)) return [];
  return JSON.parse(readFileSync(path, 'utf8')) as SavedConnector[];
}

export function writeSavedConnectors(dataDir: string, list: SavedConnector[]): void {
  mkdirSync(dataDir, { recursive: true });
  const path = connectorsFile(dataDir);
  // Written aside and renamed: a crash leaves the old file or the new one, never half of one.
  writeFileSync(`${path}.tmp`, JSON.stringify(list, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
