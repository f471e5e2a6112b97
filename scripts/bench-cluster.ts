/**
 * `npm run bench:cluster`: the article page through the production topology (scripts/lib/cluster),
 * side by side in one run, each with `Accept-Encoding: gzip` as browsers send it:
 *   1. through nginx, a cache hit;
 *   2. nginx serving the same saved bytes pre-compressed (gzip_static) — the ceiling;
 *   3. through nginx with the proxy cache off (the committed site.conf with `proxy_cache off`);
 *   4. one `next start` instance directly.
 * Prints req/s, p50/p99 and the ratios 1÷2 (target ≥ 0.5) and 3÷4. Requires a build
 * (`-- --build` builds first). BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 10).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildForProduction } from './lib/next-build';
import { defaultDatabaseServer, dropDatabase, startCluster, startNginx } from './lib/cluster';
import { freePort } from './lib/production-server';

const article = '/articles/kataomoi-renraku-yameru';
const duration = Number(process.env.BENCH_DURATION || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 10);
const serverUrl = process.env.CLUSTER_DATABASE_SERVER || defaultDatabaseServer;
const gzip = { 'accept-encoding': 'gzip, deflate, br' };

if (process.argv.includes('--build')) {
  buildForProduction();
}

function rawGet(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: gzip }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

async function load(url: string) {
  for (let i = 0; i < 5; i++) await rawGet(url);
  const r = await autocannon({ url, connections, duration, headers: gzip, timeout: 10 });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    bytes: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
  };
}

const cluster = await startCluster({ serverUrl, databaseName: 'kokoro_cluster_bench' });
const extra: { stop(): Promise<void> }[] = [];
try {
  const app1 = cluster.instances[0]!;
  const saved = await rawGet(cluster.url + article);
  if (saved.status !== 200 || saved.headers['content-encoding'] !== 'gzip')
    throw new Error(`article answered ${saved.status} ${saved.headers['content-encoding']}`);
  const hit = await rawGet(cluster.url + article);
  console.log(`[bench] proxy cache: ${hit.headers['x-cache-status']}, ${saved.body.length} bytes gzip`);

  // 2. nginx serving the same bytes, pre-compressed.
  const staticDir = path.join(cluster.dir, 'static');
  fs.mkdirSync(path.join(staticDir, 'articles'), { recursive: true });
  fs.chmodSync(staticDir, 0o755);
  fs.writeFileSync(path.join(staticDir, `${article}.gz`), saved.body);
  fs.writeFileSync(path.join(staticDir, article), '');
  const staticPort = await freePort();
  const staticPrefix = path.join(cluster.dir, 'nginx-static');
  fs.mkdirSync(path.join(staticPrefix, 'logs'), { recursive: true });
  const staticConf = path.join(staticPrefix, 'nginx.conf');
  fs.writeFileSync(
    staticConf,
    `worker_processes 1; pid ${staticPrefix}/nginx.pid; error_log ${staticPrefix}/logs/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${staticPrefix}/cb; proxy_temp_path ${staticPrefix}/pt;
  fastcgi_temp_path ${staticPrefix}/ft; uwsgi_temp_path ${staticPrefix}/ut; scgi_temp_path ${staticPrefix}/st;
  server { listen 127.0.0.1:${staticPort}; root ${staticDir}; default_type text/html; gzip_static on; } }
`,
  );
  const staticNginx = spawn('nginx', ['-p', staticPrefix, '-c', staticConf], { stdio: 'inherit' });
  extra.push({ stop: async () => void staticNginx.kill('SIGQUIT') });
  await new Promise((resolve) => setTimeout(resolve, 500));

  // 3. the committed site config with the proxy cache off.
  const noCacheSite = path.join(cluster.dir, 'site-no-cache.conf');
  fs.writeFileSync(
    noCacheSite,
    fs.readFileSync('ops/nginx/site.conf', 'utf8').replaceAll('proxy_cache kokoro_pages;', 'proxy_cache off;'),
  );
  const noCachePort = await freePort();
  const noCache = await startNginx({
    dir: cluster.dir,
    port: noCachePort,
    upstreams: cluster.instances.map((i) => i.port),
    siteConf: noCacheSite,
  });
  extra.push(noCache);

  const runs = {
    'proxy, cache hit': `${cluster.url}${article}`,
    'nginx, pre-compressed file': `http://127.0.0.1:${staticPort}${article}`,
    'proxy, cache off': `http://127.0.0.1:${noCachePort}${article}`,
    'next start, direct': `${app1.url}${article}`,
  };
  const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
  for (const [name, url] of Object.entries(runs)) {
    console.log(`[bench] ${name}: ${connections} connections × ${duration} s`);
    results[name] = await load(url);
  }
  console.log(`\narticle ${article}, gzip, ${connections} connections × ${duration} s`);
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${r.bytes} B/resp  non-2xx ${r.non2xx} errors ${r.errors}`,
    );
  }
  const ratio = (a: string, b: string) => results[a]!.rps / results[b]!.rps;
  const hitRatio = ratio('proxy, cache hit', 'nginx, pre-compressed file');
  console.log(
    `proxy hit ÷ pre-compressed nginx: ${hitRatio.toFixed(2)} (target ≥ 0.5: ${hitRatio >= 0.5 ? 'met' : 'missed'})`,
  );
  console.log(`proxy without cache ÷ direct next start: ${ratio('proxy, cache off', 'next start, direct').toFixed(2)}`);
} finally {
  for (const e of extra) await e.stop().catch(() => {});
  await cluster.stop();
  await dropDatabase(serverUrl, 'kokoro_cluster_bench');
}
process.exit(0);
