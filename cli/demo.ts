// `npm start` with no config: a newcomer's first run. Provisions a private MariaDB, loads
// generated rental-billing data, keeps a trickle of live changes going, and starts instaquery
// against it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { createSchema, generate } from '../workload/rental-billing/generate.ts';
import { startTrickle } from '../workload/rental-billing/trickle.ts';
import { parseInstanceConfig } from '../runtime/instance-config.ts';
import { runStart } from './start-command.ts';

const script = fileURLToPath(new URL('../scripts/mariadb-instance.sh', import.meta.url));

export async function runDemo(options: { bills: number; mariadbPort: number; gatewayPort: number; restPort: number }, say: (line: string) => void): Promise<void> {
  say(`demo: starting a private MariaDB on 127.0.0.1:${options.mariadbPort} (scripts/mariadb-instance.sh)`);
  execFileSync('bash', [script, 'start', 'demo', String(options.mariadbPort)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const servicesDir = process.env.INSTAQUERY_SERVICES_DIR ?? '/tmp/instaquery-services';
  const { host, port, user, password } = JSON.parse(readFileSync(`${servicesDir}/demo/connection.json`, 'utf8')) as { host: string; port: number; user: string; password: string };
  const conn = { host, port, user, password };
  const admin = await mysql.createConnection({ ...conn, multipleStatements: false });
  const [rows] = await admin.query("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'rb' AND TABLE_NAME = 'bill'");
  if (Number((rows as { n: number }[])[0]?.n) === 0) {
    say(`demo: generating rental-billing data (${options.bills} bills) into database rb`);
    await createSchema(admin, 'rb');
    await generate(admin, { bills: options.bills });
  } else {
    say('demo: database rb already loaded; reusing it');
  }
  await admin.end();
  const config = parseInstanceConfig(
    {
      dataDir: './.data/demo',
      // The newcomer reads the hints below; JSON logs would bury them.
      log: { level: 'warn' },
      gateway: { host: '127.0.0.1', port: options.gatewayPort },
      rest: { host: '127.0.0.1', port: options.restPort },
      connectors: [
        {
          name: 'rb-source',
          config: {
            'connector.class': 'io.debezium.connector.mysql.MySqlConnector',
            'database.hostname': conn.host,
            'database.port': conn.port,
            'database.user': conn.user,
            'database.password': conn.password,
            'database.server.id': 5401,
            'topic.prefix': 'demo',
            'database.include.list': 'rb',
          },
        },
      ],
    },
    'the demo configuration',
  );
  const instance = await runStart(config, say);
  const pool = mysql.createPool({ ...conn, connectionLimit: 2 });
  const trickle = startTrickle(pool, { db: 'rb', bills: options.bills, perSecond: 20, onError: (err) => say(`demo: live changes stopped: ${err.message}`) });
  say(`demo: live changes are flowing into rb.bill (20 rows/s). Try:`);
  say(`  mariadb -h127.0.0.1 -P${instance.gateway.port} -uroot -e 'select pay_status, count(*), sum(amount_due) from rb.bill group by pay_status'`);
  say(`  curl -s http://127.0.0.1:${instance.restPort}/connectors/rb-source/status`);
  say('Ctrl-C stops it.');
  process.once('SIGINT', () => void trickle.stop().catch(() => undefined).then(() => pool.end()));
}
