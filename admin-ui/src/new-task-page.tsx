// A new sync task from a form: the source connection (tested live, which also reads its catalog),
// the databases and tables to follow with each table's partition spec and hot window, and sink
// options. Validated by the REST API's config/validate, each problem shown by its field; then the
// source connector (and, with per-table settings or sink options, a sink connector) is created.
import { useState } from 'preact/hooks';
import { api, ApiError } from './api.ts';
import type { SourceCatalogInfo } from '../../runtime/source-catalog.ts';

interface ValidateReply {
  error_count: number;
  configs: { value: { name: string; errors: string[] } }[];
}

const SOURCE_FIELDS = [
  ['name', 'Task name', 'rb-source'],
  ['database.hostname', 'Host', '127.0.0.1'],
  ['database.port', 'Port', '3306'],
  ['database.user', 'User', 'cdc'],
  ['database.password', 'Password', ''],
  ['database.server.id', 'Server id (unique among replicas)', String(5400 + Math.floor(Math.random() * 1000))],
  ['topic.prefix', 'Topic prefix', 'rb'],
] as const;

const SINK_FIELDS = [
  ['tasks.max', 'Sink tasks', '1'],
  ['batch.size', 'Batch size', '20000'],
  ['behavior.on.exception', 'On a record the store cannot hold (FAIL, LOG, IGNORE)', 'FAIL'],
] as const;

export function NewTaskPage() {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries([...SOURCE_FIELDS, ...SINK_FIELDS].map(([k, , d]) => [k, d])));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [catalog, setCatalog] = useState<SourceCatalogInfo | null>(null);
  const [testMessage, setTestMessage] = useState<string | null>(null);
  const [picked, setPicked] = useState<Record<string, { on: boolean; spec: string; window: string }>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: string, value: string) => setValues({ ...values, [key]: value });
  const sourceConfig = (): Record<string, string> => {
    const config: Record<string, string> = { 'connector.class': 'io.debezium.connector.mysql.MySqlConnector' };
    for (const [k] of SOURCE_FIELDS) if (k !== 'name' && values[k] !== '') config[k] = values[k]!;
    const tables = Object.entries(picked).filter(([, p]) => p.on).map(([t]) => t);
    if (tables.length) config['table.include.list'] = tables.map((t) => t.replace(/\./g, '\\.')).join(',');
    return config;
  };
  const sinkConfig = (): Record<string, string> => {
    const config: Record<string, string> = { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector' };
    for (const [k] of SINK_FIELDS) if (values[k] !== '') config[k] = values[k]!;
    for (const [t, p] of Object.entries(picked)) {
      if (!p.on) continue;
      if (p.spec.trim()) config[`partitioning.${t}`] = p.spec.trim();
      if (p.window.trim()) config[`hot.window.${t}`] = p.window.trim();
    }
    return config;
  };
  const test = async (): Promise<boolean> => {
    setTestMessage('Connecting…');
    try {
      const c = await api<SourceCatalogInfo>('POST', '/instaquery/source-catalog', sourceConfig());
      setCatalog(c);
      setTestMessage(`Connected to ${c.server}: ${c.databases.length} database(s).`);
      return true;
    } catch (e) {
      setCatalog(null);
      setTestMessage(`Connection failed: ${(e as Error).message}`);
      return false;
    }
  };
  const problemsOf = (reply: ValidateReply, prefix = '') => Object.fromEntries(reply.configs.filter((c) => c.value.errors.length).map((c) => [prefix + c.value.name, c.value.errors]));
  const create = async () => {
    setBusy(true);
    try {
      // The connection is tested live before anything is saved.
      if (!catalog && !(await test())) return;
      const name = values.name!.trim();
      const source = await api<ValidateReply>('PUT', '/connector-plugins/MySqlConnector/config/validate', { ...sourceConfig(), name });
      const sink = await api<ValidateReply>('PUT', '/connector-plugins/ColumnarSinkConnector/config/validate', { ...sinkConfig(), name: `${name}-store` });
      const found = { ...problemsOf(source), ...problemsOf(sink) };
      if (!name) found.name = ['A task needs a name'];
      setErrors(found);
      if (Object.keys(found).length) return;
      await api('PUT', `/connectors/${encodeURIComponent(`${name}-store`)}/config`, sinkConfig());
      await api('PUT', `/connectors/${encodeURIComponent(name)}/config`, sourceConfig());
      location.hash = `#/task/${encodeURIComponent(name)}`;
    } catch (e) {
      setErrors({ name: [e instanceof ApiError ? e.message : String(e)] });
    } finally {
      setBusy(false);
    }
  };
  const field = ([key, label]: readonly [string, string, string]) => (
    <label class={errors[key] ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {key.includes('password') ? (
        <input name={key} type="password" value={values[key]} onInput={(e) => set(key, (e.target as HTMLInputElement).value)} autocomplete="off" />
      ) : (
        <input name={key} type="text" value={values[key]} onInput={(e) => set(key, (e.target as HTMLInputElement).value)} autocomplete="off" />
      )}
      {(errors[key] ?? []).map((m) => <em class="field-error" data-for={key}>{m}</em>)}
    </label>
  );
  return (
    <section>
      <h1>New sync task</h1>
      <fieldset>
        <legend>Source (MySQL / MariaDB)</legend>
        {SOURCE_FIELDS.map(field)}
        <button id="test-connection" onClick={() => void test()}>Test connection</button>
        {testMessage && <p class="note" id="test-result">{testMessage}</p>}
      </fieldset>
      {catalog && (
        <fieldset>
          <legend>Tables to follow</legend>
          {catalog.databases.map((db) => (
            <details class="db" data-db={db.name} open={db.tables.some((t) => picked[`${db.name}.${t.name}`]?.on)}>
              <summary>
                {db.name} <small>({db.tables.length} tables)</small>
              </summary>
              {db.tables.map((t) => {
                const id = `${db.name}.${t.name}`;
                const p = picked[id] ?? { on: false, spec: '', window: '' };
                const suggestion = t.primaryKey.length && t.dateColumns.length ? `HASH(${t.primaryKey.join(', ')}) PARTITIONS 16 RANGE(${t.dateColumns[0]}) INTERVAL MONTH` : '';
                return (
                  <div class="pick" data-table={id}>
                    <label>
                      <input type="checkbox" name={`table:${id}`} checked={p.on} onChange={(e) => setPicked({ ...picked, [id]: { ...p, on: (e.target as HTMLInputElement).checked } })} /> {t.name} <small>≈{t.rows.toLocaleString()} rows</small>
                    </label>
                    {p.on && (
                      <span class="table-options">
                        <input name={`partitioning.${id}`} placeholder={suggestion || 'HASH(id) PARTITIONS 16'} value={p.spec} onInput={(e) => setPicked({ ...picked, [id]: { ...p, spec: (e.target as HTMLInputElement).value } })} />
                        <input name={`hot.window.${id}`} placeholder="hot window, e.g. 90 days" value={p.window} onInput={(e) => setPicked({ ...picked, [id]: { ...p, window: (e.target as HTMLInputElement).value } })} />
                        {[...(errors[`partitioning.${id}`] ?? []), ...(errors[`hot.window.${id}`] ?? [])].map((m) => <em class="field-error">{m}</em>)}
                      </span>
                    )}
                  </div>
                );
              })}
            </details>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Store (sink)</legend>
        {SINK_FIELDS.map(field)}
      </fieldset>
      {Object.entries(errors).filter(([k]) => !SOURCE_FIELDS.some(([f]) => f === k) && !SINK_FIELDS.some(([f]) => f === k) && !k.startsWith('partitioning.') && !k.startsWith('hot.window.')).map(([k, ms]) => <p class="error">{k}: {ms.join('; ')}</p>)}
      <button id="create" class="primary" disabled={busy} onClick={create}>Create and start</button>
    </section>
  );
}
