// The query console: SQL through the gateway's engine, showing the DuckDB SQL it became, its time,
// and whether the store served it or it was forwarded upstream.
import { useState } from 'preact/hooks';
import { api } from './api.ts';
import { ResultTable } from './task-page.tsx';
import type { ConsoleAnswer } from '../../runtime/query-console.ts';

export function QueryPage() {
  const [sql, setSql] = useState('SELECT 1');
  const [database, setDatabase] = useState('');
  const [answer, setAnswer] = useState<ConsoleAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      setAnswer(await api<ConsoleAnswer>('POST', '/instaquery/query', { sql, database: database || null }));
    } catch (e) {
      setAnswer(null);
      setError((e as Error).message);
    }
  };
  return (
    <section>
      <h1>Query console</h1>
      <label class="field"><span>Database</span><input name="database" value={database} onInput={(e) => setDatabase((e.target as HTMLInputElement).value)} /></label>
      <textarea id="sql" rows={6} value={sql} onInput={(e) => setSql((e.target as HTMLTextAreaElement).value)} />
      <button id="run" class="primary" onClick={run}>Run</button>
      {error && <pre class="error" id="query-error">{error}</pre>}
      {answer && (
        <div id="answer">
          <p>
            <span class={`badge ${answer.outcome}`} id="outcome">{answer.outcome}</span> in <b id="ms">{answer.ms} ms</b> · {answer.rows.length} row(s){answer.truncated ? ' (first 1,000)' : ''}
          </p>
          {answer.translated && <pre class="translated" id="translated">{answer.translated}</pre>}
          <ResultTable columns={answer.columns} rows={answer.rows} />
        </div>
      )}
    </section>
  );
}
