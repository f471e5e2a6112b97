import 'server-only';
/** A client's registration profile for tests and benchmarks (everything but the address and password). */
export const sampleClientProfile = {
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'ハナコ',
  phone: null,
  timeZone: 'Asia/Tokyo',
};

/** Who a test's server actions run as (null: signed out), changed by the test as it goes. */
export type TestCaller = { current: null | { id: string; role: 'client' | 'counselor' } };

/**
 * The guards module as an integration test replaces it, so that server actions can be called
 * as a signed-in caller would call them, outside a Next request:
 * `vi.mock('@/features/accounts/auth/guards', async () => (await import('@/features/accounts/testing')).guardsFor(caller))`.
 */
export function guardsFor(caller: TestCaller) {
  return {
    getCurrentUser: async () =>
      caller.current ? { ...caller.current, email: 'x@example.jp', name: 'x', sessionId: 's' } : null,
  };
}
