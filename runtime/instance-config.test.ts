import { describe, expect, it } from 'vitest';
import { parseInstanceConfig } from './instance-config.ts';
import { ConfigError } from '../core/index.ts';
import { MYSQL_CONNECTOR_CLASS, validateMySqlSourceConfig } from '../connectors/mysql-source/index.ts';
import { parseMySqlSourceConfig } from '../connectors/mysql-source/config.ts';

const connector = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  'connector.class': MYSQL_CONNECTOR_CLASS,
  'database.hostname': 'db.local',
  'database.user': 'cdc',
  'database.server.id': 184054,
  'topic.prefix': 'shop',
  ...extra,
});

/** The problems parseInstanceConfig reports for `raw`; fails the test when it accepts it. */
function problems(raw: unknown): string[] {
  try {
    parseInstanceConfig(raw, 'instaquery.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain('instaquery.json');
    return (err as ConfigError).problems;
  }
  throw new Error('config was accepted');
}
const matching = (list: string[], re: RegExp) => list.filter((p) => re.test(p));

describe('parseInstanceConfig', () => {
  it('applies every default to an empty object', () => {
    expect(parseInstanceConfig({}, 'x')).toEqual({
      dataDir: './.data',
      gateway: { host: '127.0.0.1', port: 3307, users: [], tls: { enabled: true } },
      rest: { host: '127.0.0.1', port: 8083 },
      tiering: { schedule: '0 2 * * *', 'target.file.size': 134_217_728, 'row.group.size': 122_880, 'orphan.grace.ms': 600_000 },
      log: { level: 'info' },
      connectors: [],
    });
  });

  it('refuses a tiering schedule that is not a cron expression, saying what one looks like', () => {
    expect(problems({ tiering: { schedule: 'nightly' } })).toEqual([expect.stringMatching(/^config key 'tiering\.schedule': must be a cron expression such as "0 2 \* \* \*"/)]);
  });

  it('keeps given values and fills the rest of a section', () => {
    const cfg = parseInstanceConfig({ gateway: { port: 4000, users: [{ user: 'a', password: 'p' }] }, connectors: [{ name: 'src-1', config: connector() }] }, 'x');
    expect(cfg.gateway).toEqual({ host: '127.0.0.1', port: 4000, users: [{ user: 'a', password: 'p', plugin: 'mysql_native_password' }], tls: { enabled: true } });
    expect(cfg.connectors.map((c) => c.name)).toEqual(['src-1']);
  });

  it.each([null, [], 'text', 3])('refuses %j as the whole file', (raw) => {
    expect(problems(raw)).toEqual(['the file must hold one JSON object']);
  });

  it('names an unknown top-level key with a did-you-mean hint', () => {
    const p = problems({ gatway: {} });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/unknown config key 'gatway' — did you mean 'gateway'\?/);
  });

  it('names a misspelled nested key with its section', () => {
    const p = problems({ rest: { prot: 9000 } });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/unknown config key 'rest\.prot' — did you mean 'rest\.port'\?/);
  });

  it('gives no hint for a key unlike any known one', () => {
    const p = problems({ somethingElseEntirely: 1 });
    expect(p[0]).toContain("'somethingElseEntirely'");
    expect(p[0]).not.toContain('did you mean');
  });

  it('names a misspelled connector key with its suggestion', () => {
    const p = problems({ connectors: [{ name: 'src', config: connector({ 'database.hostnme': 'h' }) }] });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^connector 'src': unknown config key 'database\.hostnme' — did you mean 'database\.hostname'\?/);
  });

  it('names each missing required connector key', () => {
    const p = problems({ connectors: [{ name: 'src', config: { 'connector.class': MYSQL_CONNECTOR_CLASS } }] });
    for (const key of ['database.hostname', 'database.user', 'topic.prefix']) expect(p).toContain(`connector 'src': missing required config key '${key}'`);
    expect(matching(p, /'database\.server\.id'/)).toHaveLength(1);
  });

  it('names a wrong connector.class', () => {
    const p = problems({ connectors: [{ name: 'src', config: connector({ 'connector.class': 'io.debezium.connector.postgresql.PostgresConnector' }) }] });
    expect(p).toEqual([
      `connector 'src': unknown connector.class 'io.debezium.connector.postgresql.PostgresConnector' (known: ${MYSQL_CONNECTOR_CLASS}, io.instaquery.connector.ColumnarSinkConnector, com.yr.connector.KuduSinkConnector)`,
    ]);
  });

  it('validates a sink connector and allows only one', () => {
    const sink = (config: Record<string, unknown>) => ({ name: `sink${Math.random()}`, config: { 'connector.class': 'com.yr.connector.KuduSinkConnector', ...config } });
    expect(() => parseInstanceConfig({ connectors: [sink({ 'behavior.on.exception': 'LOG' })] }, 'instaquery.json')).not.toThrow();
    const p = problems({ connectors: [sink({ 'behavior.on.exception': 'SKIP', 'max.retires': 3 }), sink({})] });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown config key 'max\.retires' — did you mean 'max\.retries'\?/),
        expect.stringMatching(/config key 'behavior\.on\.exception'/),
        expect.stringMatching(/^2 sink connectors are configured; the embedded store takes one/),
      ]),
    );
  });

  it('reports a connector name used twice', () => {
    const p = problems({ connectors: [{ name: 'dup', config: connector() }, { name: 'other', config: connector() }, { name: 'dup', config: connector() }] });
    expect(p).toEqual(["connector name 'dup' is used twice"]);
  });

  it.each([-1, 65536, 3306.5])('refuses gateway port %s', (port) => {
    const p = problems({ gateway: { port } });
    expect(p).toHaveLength(1);
    expect(p[0]).toContain("'gateway.port'");
  });

  it.each([0, 65535])('accepts gateway port %s', (port) => {
    expect(parseInstanceConfig({ gateway: { port } }, 'x').gateway.port).toBe(port);
  });

  it('refuses an unknown log level and a bad connector name', () => {
    expect(problems({ log: { level: 'loud' } })[0]).toMatch(/^config key 'log\.level'/);
    expect(matching(problems({ connectors: [{ name: 'bad name', config: connector() }] }), /connectors\.0\.name/)).toHaveLength(1);
  });

  it('reports all problems together', () => {
    const p = problems({
      gatway: {},
      rest: { port: 70000 },
      log: { levle: 'info' },
      connectors: [
        { name: 'a', config: connector({ 'database.hostnme': 'h' }) },
        { name: 'a', config: connector({ 'connector.class': 'x' }) },
      ],
    });
    expect(matching(p, /'gatway'/)).toHaveLength(1);
    expect(matching(p, /'rest\.port'/)).toHaveLength(1);
    expect(matching(p, /'log\.levle' — did you mean 'log\.level'/)).toHaveLength(1);
    expect(matching(p, /'database\.hostnme'/)).toHaveLength(1);
    expect(matching(p, /used twice/)).toHaveLength(1);
    expect(matching(p, /unknown connector\.class 'x'/)).toHaveLength(1);
    expect(p).toHaveLength(6);
  });
});

describe('MySQL source connector config', () => {
  it('applies Debezium defaults and splits lists', () => {
    const cfg = parseMySqlSourceConfig(connector({ 'database.port': '3310', 'table.include.list': ' rb\\.bill.* ,, rb\\.user ' }));
    expect(cfg['database.port']).toBe(3310);
    expect(cfg['tasks.max']).toBe(1);
    expect(cfg['database.password']).toBe('');
    expect(cfg['snapshot.fetch.size']).toBe(10000);
    expect(cfg['table.include.list']).toEqual(['rb\\.bill.*', 'rb\\.user']);
    expect(cfg['database.include.list']).toBeUndefined();
  });

  it('accepts a valid config without problems', () => {
    expect(validateMySqlSourceConfig(connector())).toEqual([]);
  });

  it.each([
    ['tasks.max', 2],
    ['database.port', 0],
    ['database.port', '70000'],
    ['database.port', 'abc'],
    ['database.server.id', 0],
    ['topic.prefix', 'has space'],
  ])('refuses %s = %j, naming the key', (key, value) => {
    const p = validateMySqlSourceConfig(connector({ [key]: value }));
    expect(p).toHaveLength(1);
    expect(p[0]).toContain(`'${key}'`);
  });

  it.each(['database', 'table'])('refuses both %s include and exclude lists', (kind) => {
    const p = validateMySqlSourceConfig(connector({ [`${kind}.include.list`]: 'a', [`${kind}.exclude.list`]: 'b' }));
    expect(p).toEqual([`${kind}.include.list and ${kind}.exclude.list cannot both be set: keep one`]);
  });
});
