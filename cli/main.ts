// The `instaquery` command line.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UserFacingError } from '../core/index.ts';
import { loadInstanceConfig } from '../runtime/instance-config.ts';
import { runStart } from './start-command.ts';
import { runDemo } from './demo.ts';
import { runVerify } from './verify-command.ts';
import { runTier } from './tier-command.ts';

const USAGE = `usage:
  instaquery start [--config instaquery.json]   run source, sink, store and gateway in one process
                                                 (no config file: a demo on a private MariaDB)
  instaquery demo [--bills N]                   the demo, explicitly
  instaquery verify [--config FILE] [--connector NAME] [--chunk-size N]
                                                 compare each included table between the source and
                                                 the running instance's store; exit 1 on differences
  instaquery tier run [db.table] [--config FILE] archive range partitions older than their hot
                                                 window now (and compact archived ones), in the
                                                 running instance
  instaquery tier restore db.table PARTITION     bring an archived partition back to the hot store
  instaquery tier status                         hot and cold partitions, runs, next scheduled run
options:
  --config FILE    the JSON configuration (default: ./instaquery.json when present)
  --bills N        bills the demo generates (default 20000)
  --connector NAME verify only this connector
  --chunk-size N   rows per verify chunk (default 10000)
  --help           this text`;

const say = (line: string): void => void process.stderr.write(line + '\n');

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string', short: 'c' }, bills: { type: 'string' }, connector: { type: 'string' }, 'chunk-size': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0] ?? 'start';
  if (values.help) {
    say(USAGE);
    return;
  }
  const demo = () =>
    runDemo(
      {
        bills: Number(values.bills ?? 20000),
        mariadbPort: Number(process.env.INSTAQUERY_DEMO_MARIADB_PORT ?? 3326),
        gatewayPort: Number(process.env.INSTAQUERY_DEMO_GATEWAY_PORT ?? 3307),
        restPort: Number(process.env.INSTAQUERY_DEMO_REST_PORT ?? 8083),
      },
      say,
    );
  switch (command) {
    case 'start': {
      const path = values.config ?? (existsSync('instaquery.json') ? 'instaquery.json' : undefined);
      if (!path) {
        say('no --config given and no ./instaquery.json: running the demo');
        return demo();
      }
      await runStart(loadInstanceConfig(path), say);
      return;
    }
    case 'demo':
      return demo();
    case 'verify': {
      const path = values.config ?? 'instaquery.json';
      const chunkSize = values['chunk-size'] === undefined ? undefined : Number(values['chunk-size']);
      if (chunkSize !== undefined && !(Number.isInteger(chunkSize) && chunkSize > 0)) throw new UserFacingError(`--chunk-size must be a positive whole number, got '${values['chunk-size']}'`, undefined, 2);
      const reports = await runVerify(loadInstanceConfig(path), { connector: values.connector, chunkSize }, (line) => process.stdout.write(line + '\n'));
      const differing = reports.filter((r) => r.differences.length > 0);
      say(differing.length === 0 ? `verify: all ${reports.length} tables equal` : `verify: ${differing.length} of ${reports.length} tables differ`);
      process.exit(differing.length === 0 ? 0 : 1);
    }
    case 'tier':
      return runTier(loadInstanceConfig(values.config ?? 'instaquery.json'), positionals.slice(1), (line) => process.stdout.write(line + '\n'));
    default:
      throw new UserFacingError(`unknown command '${command}'`, `run one of: instaquery start --config FILE, instaquery demo, instaquery verify --config FILE, instaquery tier run|restore|status`, 2);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UserFacingError) {
    say(`instaquery: ${err.describe()}`);
    process.exit(err.exitCode);
  }
  // Only Node's own errors carry a string code here; Kafka clients' errors carry numbers.
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    say(`instaquery: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  say(`instaquery: unexpected error: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
