/**
 * Start the production build (`next start`) on embedded defaults, on a free port, with its own
 * data folder; for scripts (bench, e2e) that need a real server. Requires a finished
 * `next build`. Every server started here is killed when this process exits, also on
 * Ctrl-C / SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ProductionServerOptions {
  /** Default: a free port. */
  port?: number;
  /** PGlite folder. Default: a fresh temporary folder, removed on stop. */
  dataDir?: string;
  /** Extra environment for the server (overrides the defaults). */
  env?: NodeJS.ProcessEnv;
  /** The app folder. Default: the current directory. */
  cwd?: string;
  /** Pass the server's output through to this process. Default: only shown if the start fails. */
  inheritOutput?: boolean;
  /** How long to wait for the ready path to answer 200. Default 90 s. */
  timeoutMs?: number;
  /** The path that answers 200 once the server is ready. Default: `/api/health`. */
  readyPath?: string;
}

export interface ProductionServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const live = new Set<{ child: ChildProcess; cleanup: () => void }>();
let exitHooksInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the server runs in its own process group (detached)
  } catch {
    // already gone
  }
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.once('exit', () => {
    for (const server of live) {
      killGroup(server.child, 'SIGKILL');
      server.cleanup();
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
}

export async function startProductionServer(options: ProductionServerOptions = {}): Promise<ProductionServer> {
  const cwd = options.cwd ?? process.cwd();
  if (!existsSync(path.join(cwd, '.next', 'BUILD_ID')))
    throw new Error(`no production build in ${cwd}: run \`next build\` first`);
  const port = options.port ?? (await freePort());
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'kokoro-server-'));
  const url = `http://127.0.0.1:${port}`;

  installExitHooks();
  const nextBin = createRequire(path.join(cwd, 'package.json')).resolve('next/dist/bin/next');
  const readyPath = options.readyPath ?? '/api/health';
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd,
    detached: true,
    stdio: ['ignore', options.inheritOutput ? 'inherit' : 'pipe', options.inheritOutput ? 'inherit' : 'pipe'],
    env: {
      ...process.env,
      EMBEDDED_DEFAULTS: '1',
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PORT: String(port),
      ...options.env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const entry = { child, cleanup: () => ownDataDir && rmSync(dataDir, { recursive: true, force: true }) };
  live.add(entry);

  const stop = async (): Promise<void> => {
    if (!live.delete(entry)) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    entry.cleanup();
  };

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      lastProblem = `server exited (${child.exitCode ?? child.signalCode})`;
      break;
    }
    try {
      const res = await fetch(url + readyPath, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return { url, port, dataDir, stop };
      lastProblem = `GET ${readyPath} answered ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the production server did not become healthy on ${url}: ${lastProblem}\n${output.trim()}`);
}
