/** Runs once when a server starts (never during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./lib/server-start').then((m) => m.onServerStart());
  }
}
