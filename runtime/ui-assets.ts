// Serves the admin UI at /ui/ on the REST port: one HTML page, and the app bundled by esbuild
// (Preact, uPlot and our TypeScript) into one script and one stylesheet the first time they are
// asked for. Everything comes from this process; no CDN.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>instaquery</title><link rel="stylesheet" href="/ui/app.css"></head>
<body><div id="app"></div><script type="module" src="/ui/app.js"></script></body></html>`;

let bundle: Promise<{ js: string; css: string }> | null = null;

/** esbuild is loaded only when the UI is first asked for: a process nobody browses never holds it. */
function bundled(): Promise<{ js: string; css: string }> {
  bundle ??= import('esbuild').then(({ build }) => build({
    entryPoints: [here('../admin-ui/src/main.tsx')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  })).then((out) => ({
    js: out.outputFiles[0]!.text,
    css: readFileSync(fileURLToPath(import.meta.resolve('uplot/dist/uPlot.min.css')), 'utf8') + readFileSync(here('../admin-ui/src/style.css'), 'utf8'),
  }));
  bundle.catch(() => (bundle = null));
  return bundle;
}

/** The asset at `path` under /ui/, or null when there is none. */
export async function uiAsset(path: string): Promise<{ type: string; body: string } | null> {
  if (path === '/ui' || path === '/ui/' || path === '/ui/index.html') return { type: 'text/html; charset=utf-8', body: INDEX };
  if (path === '/ui/app.js') return { type: 'text/javascript; charset=utf-8', body: (await bundled()).js };
  if (path === '/ui/app.css') return { type: 'text/css; charset=utf-8', body: (await bundled()).css };
  return null;
}
