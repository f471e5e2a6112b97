/**
 * A child command in a process group of its own, with this process's shutdown signals
 * forwarded to the whole group: `next start` / `next dev` start further processes
 * (next-server, workers), and a signal sent only to the first one could leave the others
 * running, still serving the port and holding the data folder's lock.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/**
 * Spawns `command` in its own group. SIGINT, SIGTERM and SIGHUP received here go to the
 * group (the first one; a repeat is ignored); if the group has not exited 10 s later, it is killed. `onExit` runs once
 * the child has exited (close what else this process started there), then this process
 * exits with the child's code (128 + signal number if a signal ended it).
 */
export function runGroup(
  command: string,
  args: string[],
  options: SpawnOptions & { onExit?: () => Promise<void> | void } = {},
): ChildProcess {
  const { onExit, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: 'inherit', ...spawnOptions, detached: true });
  // Ctrl-C can arrive twice (from the terminal and from a wrapper such as tsx): forward the
  // first signal only, and kill the group if it has not stopped 10 s later.
  let forwarded = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (forwarded) return;
      forwarded = true;
      signalGroup(child, signal);
      setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000).unref();
    });
  }
  // This process ending for any other reason (an exception) takes the group with it.
  process.once('exit', () => signalGroup(child, 'SIGKILL'));
  child.once('exit', (code, signal) => {
    void (async () => {
      await onExit?.();
      // Whatever the leader left in its group (a worker it forked) goes too.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // nothing left
      }
      process.exit(code ?? 128 + (signal ? signalNumber(signal) : 1));
    })();
  });
  return child;
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 1;
}
