/**
 * `npm run cluster`: the production topology on this machine — a fresh PostgreSQL database
 * (CLUSTER_DATABASE_SERVER, default postgres://postgres@127.0.0.1:5432/postgres; database
 * CLUSTER_DATABASE, default kokoro_cluster), migrated and seeded, two `next start` instances
 * with production settings, nginx in front (ops/nginx) on CLUSTER_PORT (default 8080), an
 * SMTP sink that prints every mail and the Stripe emulator (ALLOW_STRIPE_EMULATOR=1).
 * Builds first unless `--no-build`. Ctrl-C stops everything it started.
 */
import { demoCounselor } from '../lib/env';
import { buildForProduction } from './lib/next-build';
import { defaultDatabaseServer, startCluster } from './lib/cluster';

if (!process.argv.includes('--no-build')) {
  buildForProduction();
}

const cluster = await startCluster({
  serverUrl: process.env.CLUSTER_DATABASE_SERVER || defaultDatabaseServer,
  databaseName: process.env.CLUSTER_DATABASE || 'kokoro_cluster',
  port: Number(process.env.CLUSTER_PORT || 8080),
  echo: true,
});
console.log(`
[cluster] ${cluster.url}  (nginx → ${cluster.instances.map((i) => i.url).join(', ')})
[cluster] database ${cluster.databaseUrl.replace(/\/\/[^@]*@/, '//')}; counselor ${demoCounselor.email} / ${demoCounselor.password}
[cluster] proxy log ${cluster.dir}/nginx-${new URL(cluster.url).port}/logs/access.log; Ctrl-C stops everything`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[cluster] ${signal}: stopping nginx, both instances, the emulator and the mail sink`);
    void cluster.stop().then(() => process.exit(0));
  });
}
