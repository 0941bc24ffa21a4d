// Polling hooks: a value re-read every `ms` while the page shows it.
import { useEffect, useState } from 'preact/hooks';

export function usePoll<T>(read: () => Promise<T>, ms: number, deps: unknown[] = []): { value: T | null; error: string | null; refresh: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const run = () =>
      read().then(
        (v) => live && (setValue(v), setError(null)),
        (e: Error) => live && setError(e.message),
      );
    void run();
    const timer = setInterval(run, ms);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [...deps, tick]);
  return { value, error, refresh: () => setTick((t) => t + 1) };
}
