// A live time-series chart (uPlot): the samples the page collected, redrawn as they grow.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export function LiveChart({ title, unit, times, values, id }: { title: string; unit: string; times: number[]; values: number[]; id: string }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  useEffect(() => {
    if (!host.current) return;
    plot.current = new uPlot(
      { title, width: 520, height: 200, series: [{}, { label: unit, stroke: '#2563eb', width: 2 }], axes: [{}, { label: unit }], scales: { x: { time: true } } },
      [times, values],
      host.current,
    );
    return () => plot.current?.destroy();
  }, []);
  useEffect(() => {
    plot.current?.setData([times, values]);
    if (host.current) host.current.dataset.points = String(values.length);
    if (host.current) host.current.dataset.last = String(values.at(-1) ?? '');
    if (host.current) host.current.dataset.max = String(values.reduce((m, v) => Math.max(m, v), 0));
  }, [times.length, values.at(-1)]);
  return <div class="chart" id={id} ref={host} />;
}
