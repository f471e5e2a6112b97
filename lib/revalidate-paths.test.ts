import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `revalidatePath('/x/[id]', 'page')` only reaches the pages cached under that exact route
 * pattern, route groups included (Next tags them `/(public)/x/[id]/page`). A pattern that names
 * no route file drops nothing, silently: the article pages kept their old "related articles"
 * for up to five minutes that way. Every pattern in the code must name a route file.
 */
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const calls = ['app', 'features', 'lib', 'components'].flatMap((dir) =>
  sourceFiles(dir).flatMap((file) =>
    [
      ...fs
        .readFileSync(path.join(root, file), 'utf8')
        .matchAll(/revalidatePath\(\s*'([^']*\[[^']*)',\s*'(page|layout)'/g),
    ].map(([, pattern, type]) => ({ file, pattern: pattern!, type: type! })),
  ),
);

describe('revalidatePath patterns', () => {
  it('are found in the code (the scan itself works)', () => {
    expect(calls.map((c) => c.pattern)).toContain('/(public)/articles/[slug]');
  });

  it.each(calls)('$pattern in $file names a route file', ({ pattern, type }) => {
    expect(fs.existsSync(path.join(root, 'app', pattern, `${type}.tsx`))).toBe(true);
  });
});
