/**
 * The production topology on one machine, for `npm run cluster` and `npm run test:cluster`:
 * a fresh PostgreSQL database, two `next start` instances with production settings, nginx in
 * front with the committed config (ops/nginx), an SMTP sink and the Stripe emulator (allowed
 * in production only by the explicit ALLOW_STRIPE_EMULATOR=1 test flag). Requires a finished
 * `next build`. Everything started here is stopped by `stop()`, and killed if this process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';
import { demoCounselor, stripeEmulatorDefaults } from '../../lib/env';
import { createStripeEmulator, type StripeEmulator } from '../../stripe-emulator/server';
import { nextBin } from './next-build';
import { freePort } from './production-server';
import { signalGroup } from './process-group';

export const defaultDatabaseServer = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Mail {
  to: string[];
  raw: string;
  at: Date;
}

export interface AppInstance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, wait for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

export interface Cluster {
  url: string;
  databaseUrl: string;
  instances: AppInstance[];
  env: NodeJS.ProcessEnv;
  mails: Mail[];
  dir: string;
  nginxLog: () => string;
  startInstance(name: string, port?: number): Promise<AppInstance>;
  /** Points nginx at these instance ports: resolves once the graceful reload is over (the old
   * workers finished what they held and exited). */
  setUpstreams(ports: number[]): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) signalGroup(child, 'SIGKILL');
});

/** Drops and creates `name` on the server of `serverUrl`; answers the new database's URL. */
export async function createFreshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** An SMTP server that keeps every message it is given (no TLS, no authentication). */
export async function startSmtpSink(
  mails: Mail[],
  log?: (line: string) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push({ to, raw, at: new Date() });
        log?.(`mail to ${to.join(', ')}: ${raw.match(/^Subject: (.*)$/m)?.[1] ?? ''}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The production environment both instances share. */
export function productionEnv(options: {
  databaseUrl: string;
  siteUrl: string;
  smtpPort: number;
  stripeUrl: string;
}): NodeJS.ProcessEnv {
  const key = crypto.randomBytes(32).toString('base64');
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: options.databaseUrl,
    SITE_URL: options.siteUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
    STRIPE_SECRET_KEY: stripeEmulatorDefaults.secretKey,
    STRIPE_WEBHOOK_SECRET: stripeEmulatorDefaults.webhookSecret,
    ALLOW_STRIPE_EMULATOR: '1',
    STRIPE_EMULATOR_URL: options.stripeUrl,
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    MAIL_FROM: 'こころの整理室 <info@example.jp>',
    INTAKE_ENCRYPTION_KEYS: `k-cluster:${key}`,
    COUNSELOR_EMAIL: demoCounselor.email,
    COUNSELOR_PASSWORD: demoCounselor.password,
  };
}

function runScript(script: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
}

export function migrateAndSeed(env: NodeJS.ProcessEnv): void {
  runScript('scripts/db-migrate.ts', env);
  runScript('scripts/db-seed.ts', env);
}

/** Spawns `next start` in its own process group; resolves once /api/health answers 200. */
export async function startInstance(
  name: string,
  env: NodeJS.ProcessEnv,
  options: { port?: number; echo?: boolean; timeoutMs?: number } = {},
): Promise<AppInstance> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PORT: String(port) },
  });
  live.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (options.echo) for (const line of text.split('\n').filter(Boolean)) console.log(`[${name}] ${line}`);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : 15) : null));
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const instance: AppInstance = {
    name,
    port,
    url,
    child,
    exited,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      signalGroup(child, signal);
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let problem = 'no answer yet';
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return instance;
      problem = `GET /api/health answered ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (gone) problem = `exited with ${await exited}`;
  const error = new Error(`instance ${name} did not become ready on ${url}: ${problem}\n${output.trim()}`);
  Object.assign(error, { instance });
  throw error;
}

/** Writes the nginx wrapper for this host around the committed ops/nginx files and starts nginx. */
export async function startNginx(options: {
  dir: string;
  port: number;
  upstreams: number[];
  /** The server-level config; default the committed ops/nginx/site.conf. */
  siteConf?: string;
}): Promise<{
  child: ChildProcess;
  log: () => string;
  reload(upstreams: number[]): Promise<void>;
  stop(): Promise<void>;
}> {
  const prefix = path.join(options.dir, `nginx-${options.port}`);
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  const write = (upstreams: number[]) =>
    fs.writeFileSync(
      conf,
      `# written by scripts/lib/cluster.ts around the committed ops/nginx/*.conf
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy_temp;
  fastcgi_temp_path ${prefix}/fastcgi_temp;
  uwsgi_temp_path ${prefix}/uwsgi_temp;
  scgi_temp_path ${prefix}/scgi_temp;
  include ${root}/ops/nginx/http.conf;
  proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=kokoro_pages:10m max_size=256m inactive=1h use_temp_path=off;
  access_log ${prefix}/logs/access.log kokoro_json buffer=64k flush=1s;
  upstream kokoro_app {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${options.port};
    include ${options.siteConf ?? `${root}/ops/nginx/site.conf`};
  }
}
`,
    );
  write(options.upstreams);
  const check = spawnSync('nginx', ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const child = spawn('nginx', ['-p', prefix, '-c', conf], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${options.port}/api/health/live`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const logPath = path.join(prefix, 'logs', 'access.log');
  return {
    child,
    log: () => (fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : ''),
    // A reload is done when every worker of the old configuration has exited: until then an
    // old worker may still send a request it holds (waiting on the cache lock, say) to an
    // instance the new configuration left out.
    reload: async (upstreams) => {
      const before = workerPids(child.pid!);
      write(upstreams);
      child.kill('SIGHUP');
      const deadline = Date.now() + 60_000;
      for (;;) {
        const now = workerPids(child.pid!);
        if (now.length > 0 && !now.some((pid) => before.includes(pid))) return;
        if (Date.now() > deadline) throw new Error(`nginx reload: old workers ${before.join(', ')} still running`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      child.kill('SIGQUIT');
      await exited;
      live.delete(child);
    },
  };
}

/** The pids of the processes whose parent is `parent` (nginx's workers), read from /proc. */
function workerPids(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // the process exited while we looked
    }
  }
  return pids;
}

/** The whole topology on a fresh database `databaseName` of the server at `serverUrl`. */
export async function startCluster(options: {
  serverUrl?: string;
  databaseName?: string;
  port?: number;
  echo?: boolean;
}): Promise<Cluster> {
  const serverUrl = options.serverUrl ?? defaultDatabaseServer;
  const databaseName = options.databaseName ?? 'kokoro_cluster';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kokoro-cluster-'));
  // nginx started by root runs its workers as another user: they must reach the cache.
  fs.chmodSync(dir, 0o755);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = options.echo ? (line: string) => console.log(line) : undefined;
  const mails: Mail[] = [];
  const smtp = await startSmtpSink(mails, log && ((line) => log(`[smtp] ${line}`)));
  const stripePort = await freePort();
  const emulator: StripeEmulator = await createStripeEmulator({
    port: stripePort,
    webhookUrl: `${url}/api/stripe/webhook`,
    webhookSecret: stripeEmulatorDefaults.webhookSecret,
    log: log && ((line) => log(`[stripe] ${line}`)),
  });
  const databaseUrl = await createFreshDatabase(serverUrl, databaseName);
  const env = productionEnv({ databaseUrl, siteUrl: url, smtpPort: smtp.port, stripeUrl: emulator.url });
  migrateAndSeed(env);
  const instances = await Promise.all(['app1', 'app2'].map((name) => startInstance(name, env, { echo: options.echo })));
  const nginx = await startNginx({ dir, port, upstreams: instances.map((i) => i.port) });
  const cluster: Cluster = {
    url,
    databaseUrl,
    instances,
    env,
    mails,
    dir,
    nginxLog: nginx.log,
    startInstance: async (name, instancePort) => {
      const instance = await startInstance(name, env, { port: instancePort, echo: options.echo });
      const index = cluster.instances.findIndex((i) => i.name === name);
      if (index >= 0) cluster.instances[index] = instance;
      else cluster.instances.push(instance);
      return instance;
    },
    setUpstreams: (ports) => nginx.reload(ports),
    stop: async () => {
      await nginx.stop().catch(() => {});
      await Promise.all(cluster.instances.map((i) => i.stop()));
      await emulator.close();
      await smtp.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
