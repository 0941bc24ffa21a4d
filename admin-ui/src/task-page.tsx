// One sync task: snapshot progress per table (rows, %, ETA), lag and events/s as live charts over
// the last hour, quarantined tables with a re-snapshot button, dead letters, tiering, and its config.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type ConnectorStatus } from './api.ts';
import { usePoll } from './poll.ts';
import { LiveChart } from './chart.tsx';
import { act, lagText } from './tasks-page.tsx';

const HOUR = 3600;

interface Samples {
  times: number[];
  lag: number[];
  rate: number[];
  lastEvents: number | null;
  started: Map<string, { at: number; rows: number }>;
}

export function TaskPage({ name }: { name: string }) {
  const samples = useRef<Samples>({ times: [], lag: [], rate: [], lastEvents: null, started: new Map() });
  const [message, setMessage] = useState<string | null>(null);
  const [, setLoaded] = useState(0);
  // The hour before the page opened, from the process's own samples; live polling appends to it.
  useEffect(() => {
    void api<{ samples: { t: number; lag_ms: number | null; events: number }[] }>('GET', `/instaquery/history/${encodeURIComponent(name)}`).then(({ samples: past }) => {
      const t = samples.current;
      const first = t.times[0] ?? Infinity;
      const older = past.filter((s) => s.t / 1000 < first);
      t.times.unshift(...older.map((s) => s.t / 1000));
      t.lag.unshift(...older.map((s) => (s.lag_ms ?? 0) / 1000));
      t.rate.unshift(...older.map((s, i) => (i === 0 ? 0 : Math.max(0, ((s.events - older[i - 1]!.events) * 1000) / Math.max(1, s.t - older[i - 1]!.t)))));
      setLoaded((n) => n + 1);
    }, () => undefined);
  }, [name]);
  const { value: status, error, refresh } = usePoll(
    async () => {
      const s = await api<ConnectorStatus>('GET', `/connectors/${encodeURIComponent(name)}/status`);
      const t = samples.current;
      const now = Date.now() / 1000;
      const events = s.instaquery?.events_applied ?? 0;
      const prevAt = t.times.at(-1);
      t.rate.push(t.lastEvents === null || prevAt === undefined ? 0 : Math.max(0, (events - t.lastEvents) / Math.max(0.001, now - prevAt)));
      t.lastEvents = events;
      t.times.push(now);
      t.lag.push((s.instaquery?.millis_behind_source ?? 0) / 1000);
      while (t.times.length && t.times[0]! < now - HOUR) for (const list of [t.times, t.lag, t.rate]) list.shift();
      return s;
    },
    1000,
    [name],
  );
  const { value: config } = usePoll(() => api<Record<string, string>>('GET', `/connectors/${encodeURIComponent(name)}/config`), 10_000, [name]);
  const { value: tiering } = usePoll(() => api<{ next_run: string | null; tables: { table: string; hot_window: string | null; next_run: string | null; cold_partitions: string[]; hot_partitions: string[]; cold_bytes: number; cold_rows: number; hot_rows: number }[]; runs: { table: string; partition: string; state: string; finished_at: string | null }[] }>('GET', '/tiering').catch(() => null), 5000);
  const { value: deadLetters } = usePoll(
    () =>
      api<{ records: { recordedAt: string; db: string; table: string; op: string; record: Record<string, string | null>; error: string; file: string | null; pos: number | null }[] }>('GET', `/connectors/${encodeURIComponent(name)}/dead-letters?limit=20`)
        .then(({ records }) => ({
          columns: ['recorded_at', 'table', 'op', 'error', 'record', 'binlog position'],
          rows: records.map((r) => [r.recordedAt, `${r.db}.${r.table}`, r.op, r.error, JSON.stringify(r.record), r.file === null ? 'snapshot' : `${r.file}:${r.pos}`]),
        }))
        .catch(() => null),
    5000,
    [name],
  );
  const iq = status?.instaquery ?? {};
  const estimates = iq.snapshot_estimates ?? {};
  const done = iq.snapshot ?? {};
  const eta = (table: string, rows: number, total: number) => {
    const start = samples.current.started.get(table) ?? (samples.current.started.set(table, { at: Date.now(), rows }), samples.current.started.get(table)!);
    const perMs = (rows - start.rows) / Math.max(1, Date.now() - start.at);
    return rows >= total ? 'done' : perMs > 0 ? `${Math.ceil((total - rows) / perMs / 1000)} s left` : '…';
  };
  const mine = (t: string) => Object.keys(estimates).includes(t);
  return (
    <section>
      <h1>
        {name} <span class={`state ${status?.connector.state.toLowerCase() ?? ''}`} id="task-state">{status?.connector.state ?? '…'}</span>
      </h1>
      {error && <p class="error">{error}</p>}
      {message && <p class="note">{message}</p>}
      {status && (
        <div class="actions">
          {status.connector.state === 'PAUSED' ? <button id="resume" onClick={() => act(name, 'resume').then(refresh)}>Resume</button> : <button id="pause" onClick={() => act(name, 'pause').then(refresh)}>Pause</button>}
          <button onClick={() => act(name, 'restart').then(refresh)}>Restart</button>
          <button onClick={() => act(name, 'stop').then(refresh)}>Stop</button>
        </div>
      )}
      {status?.connector.trace && <pre class="error">{status.connector.trace}</pre>}
      <p>
        Phase <b id="phase">{iq.phase ?? '—'}</b> · behind source <b id="lag">{lagText(iq.millis_behind_source)}</b> · events applied <b id="events">{iq.events_applied ?? 0}</b>
      </p>
      <h2>Snapshot</h2>
      <table class="snapshot">
        <tbody>
          {Object.keys(estimates).sort().map((t) => {
            const rows = done[t] ?? 0;
            const total = Math.max(estimates[t] ?? 0, rows, 1);
            const pct = iq.phase === 'snapshot' ? Math.min(100, Math.round((rows / total) * 100)) : 100;
            return (
              <tr data-table={t}>
                <td>{t}</td>
                <td><progress max={100} value={pct} /></td>
                <td class="pct">{pct}%</td>
                <td>{rows.toLocaleString()} rows</td>
                <td>{iq.phase === 'snapshot' ? eta(t, rows, total) : 'done'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="charts">
        <LiveChart id="lag-chart" title="Behind source (last hour)" unit="seconds" times={samples.current.times} values={samples.current.lag} />
        <LiveChart id="rate-chart" title="Events applied per second" unit="events/s" times={samples.current.times} values={samples.current.rate} />
      </div>
      <h2>Quarantined tables</h2>
      {(iq.quarantined ?? []).length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul>
          {iq.quarantined!.map((q) => (
            <li>
              <b>{q.table}</b>: {q.reason}{' '}
              <button onClick={() => api('POST', `/connectors/${encodeURIComponent(name)}/snapshot`, { 'data-collections': [q.table] }).then(() => setMessage(`Re-snapshot of ${q.table} requested`), (e: Error) => setMessage(e.message))}>Re-snapshot</button>
            </li>
          ))}
        </ul>
      )}
      <h2>Dead letters</h2>
      {!deadLetters || deadLetters.rows.length === 0 ? <p class="empty">None.</p> : <ResultTable columns={deadLetters.columns} rows={deadLetters.rows} />}
      <h2>Tiering</h2>
      {tiering ? (
        <table>
          <thead><tr><th>Table</th><th>Hot window</th><th>Hot partitions</th><th>Hot rows ≈</th><th>Cold partitions</th><th>Cold rows</th><th>Cold size</th><th>Next run</th></tr></thead>
          <tbody>
            {tiering.tables.filter((t) => mine(t.table)).map((t) => (
              <tr><td>{t.table}</td><td>{t.hot_window ?? 'all hot'}</td><td>{t.hot_partitions.length}</td><td>{t.hot_rows.toLocaleString()}</td><td>{t.cold_partitions.length}</td><td>{t.cold_rows.toLocaleString()}</td><td>{(t.cold_bytes / 1048576).toFixed(1)} MB</td><td>{t.next_run ?? '—'}</td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">No store in this process.</p>
      )}
      {tiering && tiering.runs.some((r) => mine(r.table)) && (
        <table class="runs">
          <thead><tr><th>Tiering run</th><th>Partition</th><th>State</th><th>Finished</th></tr></thead>
          <tbody>{tiering.runs.filter((r) => mine(r.table)).slice(0, 10).map((r) => <tr><td>{r.table}</td><td>{r.partition}</td><td>{r.state}</td><td>{r.finished_at ?? '…'}</td></tr>)}</tbody>
        </table>
      )}
      <h2>Configuration</h2>
      {config && <ConfigEditor name={name} config={config} onSaved={(m) => setMessage(m)} />}
    </section>
  );
}

export function ResultTable({ columns, rows }: { columns: string[]; rows: (string | null)[][] }) {
  return (
    <table class="results">
      <thead><tr>{columns.map((c) => <th>{c}</th>)}</tr></thead>
      <tbody>{rows.map((r) => <tr>{r.map((v) => <td class={v === null ? 'null' : ''}>{v ?? 'NULL'}</td>)}</tr>)}</tbody>
    </table>
  );
}

/** The running task's config as JSON; passwords show as [hidden] and are kept when sent back so. */
function ConfigEditor({ name, config, onSaved }: { name: string; config: Record<string, string>; onSaved: (m: string) => void }) {
  const [text, setText] = useState(JSON.stringify(config, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    try {
      await api('PUT', `/connectors/${encodeURIComponent(name)}/config`, JSON.parse(text));
      setProblem(null);
      onSaved('Configuration saved; the task restarted with it.');
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <div class="config">
      <textarea rows={12} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      {problem && <pre class="error">{problem}</pre>}
      <button onClick={save}>Save configuration</button>
    </div>
  );
}
