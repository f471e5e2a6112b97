import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, seal } from './crypto';
import { intakeKeyFile, readOrCreateKeyFile } from './keys';

describe('the development key file', () => {
  it('is generated once into the data folder, readable only by its owner, and the same key afterwards', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-keys-'));
    try {
      const file = intakeKeyFile(path.join(dir, 'data'));
      const first = readOrCreateKeyFile(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const sealed = seal(first, '下書き', 'row');
      const again = readOrCreateKeyFile(file);
      expect(again.currentId).toBe(first.currentId);
      expect(open(again, sealed, 'row')).toBe('下書き');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
