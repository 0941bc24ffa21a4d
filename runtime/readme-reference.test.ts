// The README's configuration reference must name every key the schemas accept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mysqlSourceConfigSchema } from '../connectors/mysql-source/index.ts';
import { sinkConfigSchema } from '../connectors/columnar-sink/index.ts';
import { instanceConfigSchema } from './instance-config.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README configuration reference', () => {
  it.each(Object.keys(mysqlSourceConfigSchema.shape))('documents source key %s', (key) => {
    expect(readme).toContain(`\`${key}\``);
  });

  it.each(Object.keys(sinkConfigSchema.shape))('documents sink key %s', (key) => {
    expect(readme).toContain(`\`${key}\``);
  });

  it.each(['dataDir', 'gateway.host', 'gateway.port', 'gateway.users', 'rest.host', 'rest.port', 'tiering.schedule', 'tiering.target.dir', 'tiering.target.file.size', 'tiering.row.group.size', 'tiering.orphan.grace.ms', 'tiering.tables', 'log.level', 'connectors'])('documents instance key %s', (key) => {
    const [top] = key.split('.');
    expect(Object.keys(instanceConfigSchema.shape)).toContain(top);
    expect(readme).toContain(`\`${key}\``);
  });
});
