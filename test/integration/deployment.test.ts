// The docker-compose deployments are never started here (the build machines have no Docker
// engine), so this is what keeps them from rotting: Debian's docker-compose must accept them, the
// services it resolves must have the shape that matters (health checks, healthy dependencies,
// MySQL's binlog settings, ports on 127.0.0.1 only), and every instaquery config they mount must
// pass instaquery's own validation and point at the services that are really there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInstanceConfig, type InstanceConfig } from '../../runtime/instance-config.ts';
import { MYSQL_CONNECTOR_CLASS } from '../../connectors/mysql-source/index.ts';
import { isSinkClass } from '../../connectors/columnar-sink/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG_TARGET = '/etc/instaquery/instaquery.json';

type Port = string | { host_ip?: string; published?: string | number; target: number };
type Volume = string | { type?: string; source?: string; target: string };
interface Service {
  image?: string;
  command?: string | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Port[];
  volumes?: Volume[];
}
interface Compose {
  services: Record<string, Service>;
}

const COMPOSE_FILES = ['docker-compose.yml', 'deploy/docker-compose.embedded.yml'];

function composeRun(file: string, ...args: string[]) {
  return spawnSync('docker-compose', ['-f', file, ...args], { cwd: ROOT, encoding: 'utf8' });
}

const resolvedFiles = new Map<string, Compose>();
/** The file as docker-compose resolves it (anchors, extends, absolute paths), as JSON. */
function resolved(file: string): Compose {
  const cached = resolvedFiles.get(file);
  if (cached) return cached;
  const run = composeRun(file, 'config');
  if (run.status !== 0) throw new Error(`docker-compose config ${file}: ${run.error?.message ?? run.stderr}`);
  // Debian's docker-compose 1.29 prints only YAML; its own dependency python3-yaml reads it back.
  const json = execFileSync('/usr/bin/python3', ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], { input: run.stdout, encoding: 'utf8' });
  const compose = JSON.parse(json) as Compose;
  resolvedFiles.set(file, compose);
  return compose;
}

/** "--gtid_mode=on" and "--gtid-mode=ON" both as gtid-mode → ON, as mysqld reads them. */
function mysqldOptions(command: Service['command']): Map<string, string> {
  const args = typeof command === 'string' ? command.split(/\s+/) : (command ?? []);
  const options = new Map<string, string>();
  for (const arg of args) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) options.set(m[1]!.replaceAll('_', '-'), (m[2] ?? '').toUpperCase());
  }
  return options;
}

function hostIp(port: Port): string | undefined {
  if (typeof port !== 'string') return port.host_ip;
  const parts = port.replace(/\/\w+$/, '').split(':');
  return parts.length === 3 ? parts[0] : undefined;
}

function bindMounts(service: Service): { source: string; target: string }[] {
  return (service.volumes ?? []).flatMap((v) => {
    if (typeof v !== 'string') return v.type === 'bind' && v.source ? [{ source: v.source, target: v.target }] : [];
    const [source = '', target = ''] = v.split(':');
    return source.startsWith('/') ? [{ source, target }] : [];
  });
}

function dependencies(service: Service): Map<string, string | undefined> {
  const deps = service.depends_on ?? [];
  return Array.isArray(deps) ? new Map(deps.map((d) => [d, undefined])) : new Map(Object.entries(deps).map(([d, v]) => [d, v.condition]));
}

const healthTest = (s: Service) => (Array.isArray(s.healthcheck?.test) ? s.healthcheck.test.join(' ') : (s.healthcheck?.test ?? ''));
const hostOf = (address: string) => new URL(address.includes('://') ? address : `tcp://${address}`).hostname;

/** The instaquery services of a compose file, each with the config it mounts, parsed as `instaquery start` parses it. */
function instaqueryServices(compose: Compose): { name: string; service: Service; config: InstanceConfig }[] {
  return Object.entries(compose.services).flatMap(([name, service]) => {
    const mount = bindMounts(service).find((m) => m.target === CONFIG_TARGET);
    if (!mount) return [];
    return [{ name, service, config: parseInstanceConfig(JSON.parse(readFileSync(mount.source, 'utf8')), mount.source) }];
  });
}

describe.each(COMPOSE_FILES)('%s', (file) => {
  it('is accepted by docker-compose config', () => {
    const run = composeRun(file, 'config', '--quiet');
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('gives every service a health check, and makes services wait for healthy peers', () => {
    const { services } = resolved(file);
    expect(Object.keys(services).length).toBeGreaterThanOrEqual(2);
    for (const [name, s] of Object.entries(services)) {
      expect(s.healthcheck?.disable, name).not.toBe(true);
      expect(healthTest(s), `${name} has no health check`).toMatch(/^(CMD|CMD-SHELL) \S/);
      for (const [dep, condition] of dependencies(s)) {
        expect(Object.keys(services), `${name} depends on ${dep}`).toContain(dep);
        expect(condition, `${name} → ${dep}`).toBe('service_healthy');
      }
    }
  });

  it('runs MySQL 8 with the binlog in ROW format, full images and metadata, and GTIDs on', () => {
    const { services } = resolved(file);
    const mysql = services.mysql;
    expect(mysql?.image).toMatch(/^mysql:8\./);
    const options = mysqldOptions(mysql?.command);
    expect(options.has('log-bin')).toBe(true);
    expect(Number(options.get('server-id'))).toBeGreaterThan(0);
    expect(options.get('binlog-format')).toBe('ROW');
    expect(options.get('binlog-row-image')).toBe('FULL');
    expect(options.get('binlog-row-metadata')).toBe('FULL');
    expect(options.get('gtid-mode')).toBe('ON');
    expect(options.get('enforce-gtid-consistency')).toBe('ON');
    // The CDC user's grants, in the init script the image runs on first start.
    const init = bindMounts(mysql!).find((m) => m.target.startsWith('/docker-entrypoint-initdb.d/'));
    const sql = readFileSync(init!.source, 'utf8');
    const grant = /GRANT ([^;]+) ON \*\.\* TO 'cdc'/i.exec(sql)?.[1]?.toUpperCase() ?? '';
    for (const privilege of ['SELECT', 'RELOAD', 'SHOW DATABASES', 'REPLICATION SLAVE', 'REPLICATION CLIENT']) expect(grant).toContain(privilege);
  });

  it('publishes ports on 127.0.0.1 only, and mounts only files that exist', () => {
    const { services } = resolved(file);
    const ports = Object.values(services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(hostIp(port), JSON.stringify(port)).toBe('127.0.0.1');
    for (const s of Object.values(services)) for (const m of bindMounts(s)) expect(existsSync(m.source), m.source).toBe(true);
  });

  it('mounts instaquery configs that parse, and point at healthy services that exist', () => {
    const compose = resolved(file);
    const nodes = instaqueryServices(compose);
    expect(nodes.length).toBeGreaterThan(0);
    for (const { name, service, config } of nodes) {
      const deps = dependencies(service);
      const mustWaitFor = (host: string) => {
        expect(Object.keys(compose.services), `${name} connects to ${host}`).toContain(host);
        expect(deps.get(host), `${name} must wait for ${host} to be healthy`).toBe('service_healthy');
      };
      expect(String(service.command)).toContain(`--config ${CONFIG_TARGET}`);
      // The health check asks the REST API this config opens, with its token.
      expect(config.rest.token ?? config.rest.users).toBeDefined();
      expect(healthTest(service)).toContain(`127.0.0.1:${config.rest.port}/`);
      expect(healthTest(service)).toContain(CONFIG_TARGET);
      for (const c of config.connectors.filter((c) => c.config['connector.class'] === MYSQL_CONNECTOR_CLASS)) mustWaitFor(String(c.config['database.hostname']));
      if (config.kafka) {
        for (const server of config.kafka['bootstrap.servers'].split(',')) mustWaitFor(hostOf(server));
        mustWaitFor(hostOf(config.kafka['schema.registry.url']));
        expect(config.kafka['schema.registry.url']).toMatch(/\/apis\/ccompat\/v\d+$/);
      }
      const published = (service.ports ?? []).map((p) => (typeof p === 'string' ? Number(p.replace(/\/\w+$/, '').split(':').at(-1)) : p.target));
      expect(published).toContain(config.rest.port);
      const servesQueries = !config.kafka || config.connectors.some((c) => isSinkClass(c.config['connector.class']));
      if (servesQueries) {
        expect(published).toContain(config.gateway.port);
        expect(config.gateway.users.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('docker-compose.yml, Kafka mode', () => {
  const nodes = () => instaqueryServices(resolved('docker-compose.yml'));

  it('has a source worker and a query node', () => {
    const byName = new Map(nodes().map((n) => [n.name, n.config]));
    const source = byName.get('instaquery-source');
    const query = byName.get('instaquery-query');
    expect(source?.kafka).toBeDefined();
    expect(query?.kafka).toBeDefined();
    expect(source?.connectors.map((c) => c.config['connector.class'])).toEqual([MYSQL_CONNECTOR_CLASS]);
    expect(query?.connectors.filter((c) => isSinkClass(c.config['connector.class'])).length).toBe(1);
  });

  it("has the query node's sink consume every topic the source worker writes", () => {
    const byName = new Map(nodes().map((n) => [n.name, n.config]));
    const sink = byName.get('instaquery-query')!.connectors.find((c) => isSinkClass(c.config['connector.class']))!.config;
    // As the worker reads them: topics.regex must match a whole topic name.
    const consumes = (topic: string) =>
      typeof sink['topics.regex'] === 'string' ? new RegExp(`^(?:${sink['topics.regex']})$`).test(topic) : String(sink.topics).split(',').map((t) => t.trim()).includes(topic);
    for (const c of byName.get('instaquery-source')!.connectors) {
      const prefix = String(c.config['topic.prefix']);
      const databases = String(c.config['database.include.list']).split(',').map((d) => d.trim());
      expect(databases.length).toBeGreaterThan(0);
      // The schema-change topic, then a table topic of each database.
      expect(consumes(prefix), prefix).toBe(true);
      for (const db of databases) expect(consumes(`${prefix}.${db}.some_table`), `${prefix}.${db}.some_table`).toBe(true);
    }
  });
});
