import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actions, pages, routeHandlers } from './authorization-matrix';

const root = path.resolve(import.meta.dirname, '..');

const skipped = new Set(['node_modules', '.next', '.data', '.git', 'test-results', 'playwright-report']);

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !skipped.has(e.name))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** app/(public)/portal/x/page.tsx → /portal/x (route groups drop out). */
function routeOf(file: string): string {
  const rel = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep);
  return `/${rel.filter((s) => !/^\(.*\)$/.test(s)).join('/')}`.replace(/\/$/, '') || '/';
}

const appFiles = walk(path.join(root, 'app'));
const isProtectedArea = (route: string) => /^\/(portal|admin|api|dev)(\/|$)/.test(route);

describe('authorization matrix', () => {
  it('lists every page of the portal, the admin and the development tools, and every page that requires sign-in', () => {
    const found = appFiles
      .filter((f) => /\/page\.tsx$/.test(f))
      .filter((f) => isProtectedArea(routeOf(f)) || /require(User|Counselor)\(/.test(fs.readFileSync(f, 'utf8')))
      .map(routeOf)
      .sort();
    expect(found).toEqual(Object.keys(pages).sort());
  });

  it('lists every route handler under /api, /portal, /admin and /dev', () => {
    const found = appFiles
      .filter((f) => /\/route\.ts$/.test(f))
      .map(routeOf)
      .filter(isProtectedArea)
      .sort();
    expect(found).toEqual(Object.keys(routeHandlers).sort());
  });

  it('lists every server action with the access it is defined with', () => {
    const serverFiles = walk(root)
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .filter((f) => /^\s*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')));
    const declared: Record<string, string> = {};
    for (const file of serverFiles) {
      const source = fs.readFileSync(file, 'utf8');
      const exported = [...source.matchAll(/^export (?:async )?(?:const|function) (\w+)/gm)].map((m) => m[1]!);
      for (const name of exported) {
        const access = source.match(new RegExp(`export const ${name} = defineAction\\(\\s*'(\\w+)'`))?.[1];
        // A server action that does not go through defineAction checks nobody.
        expect(access, `${path.relative(root, file)}: ${name} must be defined with defineAction`).toBeDefined();
        declared[name] = access!;
      }
    }
    expect(declared).toEqual(actions);
  });
});
