// A newcomer's first run: `instaquery start` with no config provisions a private MariaDB, loads
// generated data, keeps live changes flowing and serves them through the gateway.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { connectGateway, freePort, waitFor } from '../support/services.ts';
import { tempDir } from '../support/instaquery-process.ts';

const bin = fileURLToPath(new URL('../../bin/instaquery.js', import.meta.url));

let child: ReturnType<typeof spawn> | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

it('runs the demo when no config is given, with live changes visible through the gateway', async () => {
  const gatewayPort = await freePort();
  const restPort = await freePort();
  child = spawn(process.execPath, [bin, 'start'], {
    cwd: tempDir('demo'),
    env: { ...process.env, INSTAQUERY_DEMO_GATEWAY_PORT: String(gatewayPort), INSTAQUERY_DEMO_REST_PORT: String(restPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  const exited = new Promise<number | null>((r) => child!.on('exit', (code) => r(code)));
  await waitFor('the demo to print how to connect', async () => text.includes('Ctrl-C stops it.'), 90_000, 100);
  expect(text).toContain('running the demo');
  expect(text).toContain(`mariadb -h127.0.0.1 -P${gatewayPort} -uroot`);

  const gateway = await connectGateway(gatewayPort);
  const count = async () => Number(((await gateway.query('SELECT COUNT(*) AS n FROM rb.bill'))[0] as { n: string }[])[0]!.n);
  const first = await count();
  expect(first).toBeGreaterThanOrEqual(20_000);
  // The trickle keeps inserting bills; the gateway sees them arrive.
  await waitFor('new bills to arrive', async () => (await count()) > first, 10_000, 100);
  await gateway.end();

  child.kill('SIGINT');
  expect(await exited).toBe(0);
});
