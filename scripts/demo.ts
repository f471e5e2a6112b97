/**
 * `npm run demo`: the production build, served by `next start` on embedded parts, with its
 * own data under .data/demo. `--no-build` reuses the last build.
 */
import { spawnSync } from 'node:child_process';

const env = { ...process.env, EMBEDDED_DEFAULTS: '1', DATA_DIR: process.env.DATA_DIR || '.data/demo' };
const port = process.env.PORT || '3000';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
console.log(`[demo] production build on embedded parts (PGlite in ${env.DATA_DIR}); http://localhost:${port}`);
const server = spawnSync('npx', ['next', 'start', '--port', port], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
process.exit(server.status ?? 0);
