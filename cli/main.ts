// The `instaquery` command line.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UserFacingError } from '../runtime/errors.ts';
import { loadInstanceConfig } from '../runtime/instance-config.ts';
import { runStart } from './start-command.ts';
import { runDemo } from './demo.ts';

const USAGE = `usage:
  instaquery start [--config instaquery.json]   run source, sink, store and gateway in one process
                                                 (no config file: a demo on a private MariaDB)
  instaquery demo [--bills N]                   the demo, explicitly
options:
  --config FILE    the JSON configuration (default: ./instaquery.json when present)
  --bills N        bills the demo generates (default 20000)
  --help           this text`;

const say = (line: string): void => void process.stderr.write(line + '\n');

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string', short: 'c' }, bills: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
    default:
      throw new UserFacingError(`unknown command '${command}'`, `run one of: instaquery start --config FILE, instaquery demo`, 2);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UserFacingError) {
    say(`instaquery: ${err.describe()}`);
    process.exit(err.exitCode);
  }
  if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    say(`instaquery: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  say(`instaquery: unexpected error: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
