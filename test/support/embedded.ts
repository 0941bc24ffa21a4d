// Starts instaquery in the test's own process (gateway and REST API on free ports).
import { parseInstanceConfig } from '../../runtime/instance-config.ts';
import { startInstance, type RunningInstance } from '../../runtime/instance.ts';
import { silentLogger } from '../../runtime/logger.ts';
import { tempDir } from './instaquery-process.ts';

export async function startEmbedded(connectors: unknown[], extra: Record<string, unknown> = {}): Promise<RunningInstance & { dataDir: string }> {
  const dataDir = tempDir('embedded');
  const config = parseInstanceConfig({ dataDir, gateway: { port: 0 }, rest: { port: 0 }, connectors, ...extra }, 'test config');
  const instance = await startInstance(config, silentLogger);
  return { ...instance, dataDir };
}
