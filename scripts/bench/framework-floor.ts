/**
 * The framework's own first-load JavaScript: an empty App Router app (a bare layout and one
 * page of text, no client component) built with this project's `next` and measured like the
 * article. No App Router page can ship less, so this is the floor under the article's figure.
 * The app is written to `.data/bench/framework-floor` and resolves `next` from this project.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startProductionServer } from '../lib/production-server';
import { measureFirstLoadJs, type FirstLoadJs } from './first-load-js';

const files: Record<string, string> = {
  'package.json': '{ "private": true }\n',
  'app/layout.tsx': `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="ja"><body>{children}</body></html>;
}
`,
  'app/page.tsx': `export default function Page() {
  return <p>こんにちは</p>;
}
`,
  // Rooted at this project (below), Turbopack would otherwise build the project's own
  // instrumentation, which migrates the app's database on start.
  'instrumentation.ts': 'export function register() {}\n',
};

/** `whileServing`: more to measure on the empty app (Lighthouse) before its server stops. */
export async function measureFrameworkFloor(
  projectRoot = process.cwd(),
  whileServing?: (pageUrl: string) => Promise<void>,
): Promise<FirstLoadJs> {
  const dir = path.join(projectRoot, '.data', 'bench', 'framework-floor');
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  // Turbopack only reads files under its root; the root must include this project's node_modules.
  writeFileSync(
    path.join(dir, 'next.config.mjs'),
    `export default { turbopack: { root: ${JSON.stringify(projectRoot)} } };\n`,
  );

  const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`next build of the empty app failed:\n${build.stdout}${build.stderr}`);

  const server = await startProductionServer({ cwd: dir, readyPath: '/' });
  try {
    const js = await measureFirstLoadJs(server.url + '/');
    await whileServing?.(server.url + '/');
    return js;
  } finally {
    await server.stop();
  }
}
