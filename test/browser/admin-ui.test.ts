// The admin UI as a person uses it, in real headless Chromium (Debian's, driven by playwright-core)
// against a running instaquery and the real MariaDB: the first page a new user sees, a sync task
// created through the form (connection tested live, tables picked from the source's catalog, a
// bad hot window refused next to its field), the snapshot watched to the end, changes in MariaDB
// moving the charts, pause and resume, and the query console. Each main page is screenshotted to
// test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type mysql from 'mysql2/promise';
import { connectSource, freshDatabase, mariadb, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_ui';
const TASK = `ui-${Date.now().toString(36)}`;
const SHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let browser: Browser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(`CREATE TABLE bill (id INT PRIMARY KEY, created_at DATE NOT NULL, amount DECIMAL(10,2));
    INSERT INTO bill SELECT seq, CURDATE() - INTERVAL (seq % 400) DAY, seq / 10 FROM seq_1_to_20000;
    CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(40)); INSERT INTO note VALUES (1, 'not followed')`);
  instance = await startEmbedded([]);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await source?.end();
  await instance?.stop();
});

describe('admin UI in Chromium', () => {
  it('shows a new user an empty task list with the way to create one', async () => {
    await page.goto(`http://127.0.0.1:${instance.restPort}/ui/`);
    await page.getByText('No sync task yet').waitFor();
    expect(await page.locator('nav').textContent()).toContain('New task');
    await shot('1-first-page');
  });

  it('creates a task from the form: live connection test, catalog, field errors, then the snapshot to the end', async () => {
    const db = mariadb();
    await page.click('text=New task');
    await page.fill('input[name="name"]', TASK);
    await page.fill('input[name="database.hostname"]', db.host);
    await page.fill('input[name="database.port"]', String(db.port));
    await page.fill('input[name="database.user"]', db.user);
    await page.fill('input[name="database.password"]', 'wrong-password');
    await page.click('#test-connection');
    await expect.poll(() => page.textContent('#test-result'), { timeout: 15_000 }).toMatch(/Connection failed: .*Access denied/);
    await page.fill('input[name="database.password"]', db.password);
    await page.click('#test-connection');
    await expect.poll(() => page.textContent('#test-result'), { timeout: 15_000 }).toMatch(/Connected to .*MariaDB/);
    await page.click(`details[data-db="${DB}"] summary`);
    await page.check(`input[name="table:${DB}.bill"]`);
    await page.fill(`input[name="partitioning.${DB}.bill"]`, 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH');
    await page.fill(`input[name="hot.window.${DB}.bill"]`, 'soon');
    await page.click('#create');
    // config/validate's problem, shown by the field it belongs to; nothing was created.
    await expect.poll(() => page.locator(`[data-table="${DB}.bill"] .field-error`).textContent(), { timeout: 10_000 }).toMatch(/expected a hot window such as "90 days"/);
    expect(Object.keys((await (await fetch(`http://127.0.0.1:${instance.restPort}/connectors`)).json()) as string[])).toHaveLength(0);
    await shot('2-new-task-form');
    await page.fill(`input[name="hot.window.${DB}.bill"]`, '90 days');
    await page.click('#create');
    await page.waitForURL(new RegExp(`#/task/${TASK}$`));
    await expect.poll(() => page.textContent('#phase'), { timeout: 60_000 }).toBe('streaming');
    expect(await page.textContent(`tr[data-table="${DB}.bill"] .pct`)).toBe('100%');
    // Only the picked table is followed.
    const status = (await (await fetch(`http://127.0.0.1:${instance.restPort}/connectors/${TASK}/status`)).json()) as { instaquery: { snapshot: Record<string, number> } };
    expect(status.instaquery.snapshot).toEqual({ [`${DB}.bill`]: 20000 });
    await shot('3-task-after-snapshot');
  }, 120_000);

  it('moves the charts when MariaDB changes, and pauses and resumes', async () => {
    const rate = page.locator('#rate-chart');
    for (let i = 0; i < 6; i++) {
      await source.query(`UPDATE bill SET amount = amount + 1 WHERE id BETWEEN ${i * 1000 + 1} AND ${i * 1000 + 1000}`);
      await new Promise((r) => setTimeout(r, 400));
    }
    await expect.poll(async () => Number(await rate.getAttribute('data-max')), { timeout: 15_000 }).toBeGreaterThan(100);
    await expect.poll(async () => Number(await page.locator('#lag-chart').getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(5);
    // The changes were behind the source for a moment (binlog timestamps are whole seconds): the lag line left zero.
    expect(Number(await page.locator('#lag-chart').getAttribute('data-max'))).toBeGreaterThan(0);
    await shot('4-task-charts');

    await page.click('#pause');
    await expect.poll(() => page.textContent('#task-state'), { timeout: 15_000 }).toBe('PAUSED');
    const before = Number(await page.textContent('#events'));
    await source.query(`INSERT INTO bill VALUES (900001, CURDATE(), 1.5)`);
    await new Promise((r) => setTimeout(r, 2000));
    expect(Number(await page.textContent('#events'))).toBe(before);
    await page.click('#resume');
    await expect.poll(() => page.textContent('#task-state'), { timeout: 15_000 }).toBe('RUNNING');
    await expect.poll(async () => Number(await page.textContent('#events')), { timeout: 15_000 }).toBeGreaterThan(before);
  }, 90_000);

  it('runs SQL in the console through the gateway, showing the DuckDB SQL, time and that the store served it', async () => {
    await page.click('text=Query console');
    await page.fill('#sql', `SELECT COUNT(*) AS bills, SUM(amount) > 0 AS ok FROM ${DB}.bill WHERE id = 900001 OR id <= 20000`);
    await page.click('#run');
    await page.locator('#answer').waitFor();
    expect(await page.textContent('#outcome')).toBe('served');
    expect(await page.textContent('#translated')).toMatch(/FROM "it_ui"\."bill"/);
    expect(await page.locator('#answer table.results td').first().textContent()).toBe('20001');
    await shot('5-query-console');
    await page.fill('#sql', `SELECT * FROM ${DB}.no_such_table`);
    await page.click('#run');
    await expect.poll(() => page.textContent('#query-error')).toMatch(/doesn't exist/);
  }, 60_000);

  it('lists the task with its state and lag on the first page', async () => {
    await page.click('text=Sync tasks');
    await page.locator(`tr[data-task="${TASK}"]`).waitFor();
    expect(await page.textContent(`tr[data-task="${TASK}"] [data-field="state"]`)).toBe('RUNNING');
    expect(await page.textContent(`tr[data-task="${TASK}"] [data-field="phase"]`)).toBe('streaming');
    // No password is ever rendered.
    await page.click(`text=${TASK}`);
    await page.locator('.config textarea').waitFor();
    expect(await page.inputValue('.config textarea')).toContain('"database.password": "[hidden]"');
    expect(await page.content()).not.toContain(mariadb().password);
    await shot('6-task-list');
  }, 60_000);
});

describe('admin UI behind a REST token', () => {
  it('loads, asks for the token, and shows the tasks once it is given; the API refuses calls without it', async () => {
    const secured = await startEmbedded([], { rest: { port: 0, token: 'ui-test-token-0123456789' } });
    const tab = await browser.newPage();
    try {
      const base = `http://127.0.0.1:${secured.restPort}`;
      expect((await fetch(`${base}/connectors`)).status).toBe(401);
      await tab.goto(`${base}/ui/`);
      await tab.getByText('needs its token').waitFor();
      await tab.fill('input[name="token"]', 'ui-test-token-0123456789');
      await tab.click('button:has-text("Sign in")');
      await tab.getByText('No sync task yet').waitFor();
    } finally {
      await tab.close();
      await secured.stop();
    }
  }, 60_000);
});
