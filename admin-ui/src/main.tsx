// instaquery's admin UI: sync tasks, one task's status, a new task, the query console. Served by
// instaquery itself at /ui/ on the REST port; talks only to the REST API.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, token } from './api.ts';
import { TasksPage } from './tasks-page.tsx';
import { TaskPage } from './task-page.tsx';
import { NewTaskPage } from './new-task-page.tsx';
import { QueryPage } from './query-page.tsx';

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** Asks for the REST token when the API answers 401 and no browser credentials fit. */
function TokenGate({ children }: { children: preact.ComponentChildren }) {
  const [needed, setNeeded] = useState(false);
  const [value, setValue] = useState('');
  useEffect(() => {
    api('GET', '/').catch((e) => e instanceof ApiError && e.status === 401 && setNeeded(true));
  }, []);
  if (!needed) return <>{children}</>;
  return (
    <section>
      <h1>Sign in</h1>
      <p>This instaquery's REST API needs its token (rest.token in its config).</p>
      <input type="password" name="token" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
      <button class="primary" onClick={() => (token.set(value), setNeeded(false), location.reload())}>Sign in</button>
    </section>
  );
}

function App() {
  const hash = useHash();
  const task = /^#\/task\/(.+)$/.exec(hash);
  const page = task ? <TaskPage name={decodeURIComponent(task[1]!)} /> : hash === '#/new' ? <NewTaskPage /> : hash === '#/query' ? <QueryPage /> : <TasksPage />;
  return (
    <>
      <nav>
        <b>instaquery</b>
        <a href="#/">Sync tasks</a>
        <a href="#/new">New task</a>
        <a href="#/query">Query console</a>
        <a href="/metrics" target="_blank">Metrics</a>
      </nav>
      <main>
        <TokenGate>{page}</TokenGate>
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
