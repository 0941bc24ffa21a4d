import { describe, expect, it } from 'vitest';
import { parseInstanceConfig } from './instance-config.ts';
import { resolveUpstream } from './upstream-config.ts';
import { ConfigError } from '../core/index.ts';
import { MYSQL_CONNECTOR_CLASS } from '../connectors/mysql-source/index.ts';

const source = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  config: { 'connector.class': MYSQL_CONNECTOR_CLASS, 'database.hostname': 'db.local', 'database.port': '3310', 'database.user': 'cdc', 'database.password': 's3cret-pw', 'database.server.id': 184054, 'topic.prefix': name, ...extra },
});

function problems(raw: unknown): string[] {
  try {
    parseInstanceConfig(raw, 'instaquery.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('config was accepted');
}

describe('gateway.upstream naming a source connector', () => {
  it('takes the connector’s database.hostname, port, user and password', () => {
    const config = parseInstanceConfig({ gateway: { upstream: { connector: 'shop' } }, connectors: [source('shop')] }, 'x');
    expect(config.gateway.upstream).toEqual({ connector: 'shop' });
    expect(resolveUpstream(config.gateway.upstream, config.connectors)).toEqual({ host: 'db.local', port: 3310, user: 'cdc', password: 's3cret-pw' });
  });

  it('defaults the port to 3306 and the password to empty, as the connector does', () => {
    const c = source('shop');
    delete (c.config as Record<string, unknown>)['database.port'];
    delete (c.config as Record<string, unknown>)['database.password'];
    const config = parseInstanceConfig({ gateway: { upstream: { connector: 'shop' } }, connectors: [c] }, 'x');
    expect(resolveUpstream(config.gateway.upstream, config.connectors)).toEqual({ host: 'db.local', port: 3306, user: 'cdc', password: '' });
  });

  it('keeps an endpoint written out as it is, and refusal (no upstream) as the default', () => {
    const config = parseInstanceConfig({ gateway: { upstream: { host: 'replica', user: 'ro', password: 'p' } } }, 'x');
    expect(resolveUpstream(config.gateway.upstream, config.connectors)).toEqual({ host: 'replica', port: 3306, user: 'ro', password: 'p' });
    expect(resolveUpstream(parseInstanceConfig({}, 'x').gateway.upstream, [])).toBeUndefined();
  });

  it('refuses a name that is not a configured source connector, naming it and listing the sources', () => {
    const found = problems({ gateway: { upstream: { connector: 'shopp' } }, connectors: [source('shop'), source('billing')] });
    expect(found).toEqual([expect.stringMatching(/gateway\.upstream\.connector 'shopp' is not a configured source connector.*'shop', 'billing'/)]);
    expect(found.join(' ')).not.toContain('s3cret-pw');
  });

  it('says so when there is no source connector at all', () => {
    expect(problems({ gateway: { upstream: { connector: 'shop' } } })).toEqual([expect.stringMatching(/'shop' is not a configured source connector.*no source connector is configured/)]);
  });

  it('refuses mixing the connector with an endpoint', () => {
    expect(problems({ gateway: { upstream: { connector: 'shop', host: 'x' } }, connectors: [source('shop')] }).join(' ')).toMatch(/gateway\.upstream/);
  });
});
