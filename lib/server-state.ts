/**
 * Where this server process is in its life, for the readiness check: `starting` until the
 * database and the job queue are up, `ready`, then `stopping` once a shutdown signal came;
 * `failed` if start-up failed (the process exits then, this is for the moment before).
 * Kept on globalThis: the instrumentation hook and route handlers are separate bundles.
 */
export type ServerPhase = 'starting' | 'ready' | 'stopping' | 'failed';

const state = globalThis as unknown as { __serverPhase?: ServerPhase };

export function serverPhase(): ServerPhase {
  return state.__serverPhase ?? 'starting';
}

export function setServerPhase(phase: ServerPhase): void {
  state.__serverPhase = phase;
}
