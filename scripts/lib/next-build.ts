/** The project's own `next` command, and the production build the test and cluster scripts share. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** `next build` for production; the calling script exits with its status if it fails. */
export function buildForProduction(env: NodeJS.ProcessEnv = process.env): void {
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
