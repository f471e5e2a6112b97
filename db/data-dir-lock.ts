import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A lock on an embedded data folder, held by a process: `<dir>.lock` holds the owner's PID.
 * A lock whose owner is gone (a crash, `kill -9`) is taken over at once; one whose owner is
 * alive is refused with a message that says what to do. The file is removed on release and,
 * as far as Node can, when the process exits.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${path.resolve(dir)} is already open in another process (PID ${ownerPid}: ` +
        `npm run dev, npm run demo or a script). PGlite cannot be shared between processes: ` +
        `stop the other one, or give this one its own DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Whether a process with this PID runs (signal 0 checks without sending anything). On Linux a
 * zombie — dead, not yet reaped, as under a container's PID 1 that reaps nothing — is dead too.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

function readOwner(lockPath: string): number | undefined {
  try {
    const stat = fs.statSync(lockPath);
    // A folder is the lock proper-lockfile used to leave: its owner cannot be known, and the
    // old lock went stale after 15 s anyway.
    if (stat.isDirectory()) return 0;
    return Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10) || 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function lockDataDir(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(lockPath);
      if (owner === undefined) continue; // released meanwhile: try again
      if (owner === process.pid || processAlive(owner)) throw new DataDirLockedError(dir, owner);
      // The owner is gone: take the lock over, unless another starter just did.
      if (readOwner(lockPath) === owner) fs.rmSync(lockPath, { recursive: true, force: true });
      continue;
    }
    if (readOwner(lockPath) !== process.pid) continue;
    const release = () => {
      process.off('exit', release);
      if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
    };
    process.on('exit', release);
    return release;
  }
  const owner = readOwner(lockPath) ?? 0;
  throw new DataDirLockedError(dir, owner);
}
