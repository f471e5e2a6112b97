import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const caller = vi.hoisted(() => ({ current: null as null | { id: string; role: 'client' | 'counselor' } }));

vi.mock('@/features/accounts/auth/guards', () => ({
  getCurrentUser: async () =>
    caller.current ? { ...caller.current, email: 'x@example.jp', name: 'x', sessionId: 's' } : null,
}));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ host: 'localhost:3000', 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'req-42' }),
}));
vi.mock('next/navigation', () => ({
  unstable_rethrow: (err: unknown) => {
    if ((err as { digest?: string })?.digest?.startsWith('NEXT_')) throw err;
  },
}));
vi.mock('@/db', () => ({ getDb: async () => ({}) }));

const { defineAction } = await import('./define-action');
const { AppError } = await import('@/lib/errors');
const { log } = await import('@/lib/log');

const schema = z.object({ name: z.string().min(1, '入力してください') });
const handler = vi.fn(async (input: { name: string }, ctx: { ip: string; user: unknown }) => ({
  greeting: `こんにちは ${input.name}`,
  ip: ctx.ip,
  user: ctx.user,
}));

beforeEach(() => {
  caller.current = null;
  handler.mockClear();
});

describe('defineAction', () => {
  it('refuses a signed-out caller of a user action without running it', async () => {
    const result = await defineAction('user', schema, handler)({ name: '花子' });
    expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a client calling a counselor action without running it', async () => {
    caller.current = { id: 'c1', role: 'client' };
    expect(await defineAction('counselor', schema, handler)({ name: '花子' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('lets the counselor call a counselor action, with the caller and the caller’s address', async () => {
    caller.current = { id: 'k1', role: 'counselor' };
    const result = await defineAction('counselor', schema, handler)({ name: '花子' });
    expect(result).toMatchObject({
      ok: true,
      data: { greeting: 'こんにちは 花子', ip: '203.0.113.9', user: { id: 'k1' } },
    });
  });

  it('parses the input again on the server and returns field errors', async () => {
    const result = await defineAction('public', schema, handler)({ name: '' });
    expect(result).toEqual({
      ok: false,
      code: 'invalid_input',
      error: '入力内容を確認してください',
      fieldErrors: { name: ['入力してください'] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a typed error into its message and hides unexpected ones', async () => {
    const typed = defineAction('public', schema, async () => {
      throw new AppError('rate_limited');
    });
    expect(await typed({ name: 'a' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
      error: expect.stringContaining('しばらく時間をおいて'),
    });
    const lines: Record<string, unknown>[] = [];
    const spy = vi.spyOn(log, 'child').mockImplementation(
      (bindings) =>
        ({
          error: (fields: object, msg: string) => lines.push({ ...bindings, ...fields, msg }),
        }) as unknown as ReturnType<typeof log.child>,
    );
    const broken = defineAction('public', schema, async () => {
      throw new Error('connection refused to 10.0.0.5');
    });
    const result = await broken({ name: 'a' });
    expect(result).toMatchObject({ ok: false, code: 'unexpected' });
    expect(JSON.stringify(result)).not.toContain('10.0.0.5');
    // …but the log keeps it, under the request's id.
    expect(lines).toEqual([
      expect.objectContaining({
        request_id: 'req-42',
        err: expect.objectContaining({ message: expect.stringContaining('10.0.0.5') }),
      }),
    ]);
    spy.mockRestore();
  });

  it('lets Next redirects through', async () => {
    const redirecting = defineAction('public', schema, async () => {
      throw Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/portal;307;' });
    });
    await expect(redirecting({ name: 'a' })).rejects.toThrow('NEXT_REDIRECT');
  });
});
