// Sync tasks at a glance: each connector's state, phase, lag and throughput, with its actions.
import { useRef } from 'preact/hooks';
import { api, type Expanded } from './api.ts';
import { usePoll } from './poll.ts';

export function lagText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function act(name: string, action: 'pause' | 'resume' | 'stop' | 'restart' | 'delete'): Promise<unknown> {
  if (action === 'delete') return api('DELETE', `/connectors/${encodeURIComponent(name)}`);
  if (action === 'restart') return api('POST', `/connectors/${encodeURIComponent(name)}/restart?includeTasks=true`);
  return api('PUT', `/connectors/${encodeURIComponent(name)}/${action}`);
}

export function TasksPage() {
  const last = useRef(new Map<string, { at: number; events: number; rate: number }>());
  const { value, error, refresh } = usePoll(() => api<Expanded>('GET', '/connectors?expand=status&expand=info'), 2000);
  const rate = (name: string, events: number) => {
    const prev = last.current.get(name);
    const now = Date.now();
    const r = prev && now > prev.at ? ((events - prev.events) * 1000) / (now - prev.at) : 0;
    if (!prev || now - prev.at > 1500) last.current.set(name, { at: now, events, rate: prev ? r : 0 });
    return last.current.get(name)!.rate;
  };
  const names = Object.keys(value ?? {}).sort();
  return (
    <section>
      <h1>Sync tasks</h1>
      {error && <p class="error">{error}</p>}
      {value && names.length === 0 && <p class="empty">No sync task yet. <a href="#/new">Create one</a> to start following a MySQL database.</p>}
      {names.length > 0 && (
        <table class="tasks">
          <thead>
            <tr><th>Task</th><th>Type</th><th>State</th><th>Phase</th><th>Behind source</th><th>Events/s</th><th>Quarantined</th><th>Actions</th></tr>
          </thead>
          <tbody>
            {names.map((name) => {
              const { status } = value![name]!;
              const iq = status.instaquery ?? {};
              const state = status.connector.state;
              return (
                <tr data-task={name}>
                  <td><a href={`#/task/${encodeURIComponent(name)}`}>{name}</a></td>
                  <td>{status.type}</td>
                  <td class={`state ${state.toLowerCase()}`} data-field="state">{state}</td>
                  <td data-field="phase">{iq.phase ?? '—'}</td>
                  <td data-field="lag">{lagText(iq.millis_behind_source)}</td>
                  <td>{Math.round(rate(name, iq.events_applied ?? 0))}</td>
                  <td>{iq.quarantined?.length ?? 0}</td>
                  <td class="actions">
                    {state === 'PAUSED' ? <button onClick={() => act(name, 'resume').then(refresh)}>Resume</button> : <button onClick={() => act(name, 'pause').then(refresh)}>Pause</button>}
                    <button onClick={() => act(name, 'restart').then(refresh)}>Restart</button>
                    <button onClick={() => act(name, 'stop').then(refresh)}>Stop</button>
                    <button class="danger" onClick={() => confirm(`Delete ${name}? Its rows stay in the store.`) && act(name, 'delete').then(refresh)}>Delete</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
