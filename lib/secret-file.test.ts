import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrCreateSecretFile } from './secret-file';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function fileIn(...parts: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-file-'));
  dirs.push(dir);
  return path.join(dir, ...parts);
}

describe('readOrCreateSecretFile', () => {
  it('creates the secret once, owner-only, in a folder it makes, and reads it back after', () => {
    const file = fileIn('data', 'secret');
    let made = 0;
    const create = () => `secret-${++made}`;
    expect(readOrCreateSecretFile(file, create)).toBe('secret-1');
    expect(readOrCreateSecretFile(file, create)).toBe('secret-1');
    expect(made).toBe(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a process that loses the race to create it reads the winner’s secret', () => {
    const file = fileIn('secret');
    // The other process writes between this one's failed read and its own write.
    const secret = readOrCreateSecretFile(file, () => {
      fs.writeFileSync(file, 'the winner’s');
      return 'the loser’s';
    });
    expect(secret).toBe('the winner’s');
  });
});
