import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processAlive } from '@/db/data-dir-lock';

// A wrapper (like `npm run demo`) runs a leader that starts a grandchild and ignores SIGTERM
// itself only long enough to print: SIGTERM to the wrapper must stop the whole group.
const leader = `
const { spawn } = require('node:child_process');
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('pids ' + grandchild.pid);
setInterval(() => {}, 1000);
`;
const wrapper = `
import { runGroup } from './scripts/lib/process-group.ts';
runGroup(process.execPath, ['-e', ${JSON.stringify(leader)}], { onExit: () => console.log('closed') });
`;

describe('runGroup', () => {
  it('forwards SIGTERM to the whole process group, runs onExit and exits after the child', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', wrapper], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const grandchildPid = await new Promise<number>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = output.match(/pids (\d+)/);
        if (match) resolve(Number(match[1]));
      });
    });
    expect(processAlive(grandchildPid)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(128 + 15);
    expect(output).toContain('closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processAlive(grandchildPid)).toBe(false);
  }, 20_000);
});
