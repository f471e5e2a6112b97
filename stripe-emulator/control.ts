/** `/_emulator/…`: test controls with no authentication (the server only listens on 127.0.0.1). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { resourceMissing } from './errors';
import { readBody, sendJson } from './http';
import { paySession, settleAsyncPayment } from './payments';
import { authorisePaypay } from './paypay';
import type { Store } from './store';

const paySchema = z.union([
  z.object({ method: z.literal('konbini') }),
  z.object({ method: z.literal('paypay'), outcome: z.enum(['approve', 'decline']).default('approve') }),
  z.object({
    method: z.literal('card').optional(),
    card: z.string(),
    expiry: z.string().optional(),
    cvc: z.string().optional(),
  }),
]);
const asyncSchema = z.object({ outcome: z.enum(['succeeded', 'failed']) });
const clockSchema = z.object({ advanceSeconds: z.number().finite().nonnegative() });

function invalid(res: ServerResponse, message: string, status = 400): void {
  sendJson(res, status, { error: { type: 'invalid_request_error', message } });
}

async function readJson<T>(
  req: IncomingMessage,
  schema: z.ZodType<T>,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse((await readBody(req)) || '{}');
  } catch {
    return { ok: false, message: 'The body must be JSON.' };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: z.prettifyError(parsed.error) };
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  store: Store,
  advanceClock: (seconds: number) => void,
): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://emulator');
  const method = req.method ?? 'GET';

  if (method === 'GET' && pathname === '/_emulator/events') {
    return sendJson(res, 200, { object: 'list', data: store.events });
  }
  if (method === 'POST' && pathname === '/_emulator/clock') {
    const body = await readJson(req, clockSchema);
    if (!body.ok) return invalid(res, body.message);
    advanceClock(body.data.advanceSeconds);
    return sendJson(res, 200, { now: store.clock.nowSeconds() });
  }

  const match = /^\/_emulator\/checkout\/sessions\/([^/]+)\/(pay|async)$/.exec(pathname);
  if (method !== 'POST' || !match) return invalid(res, `Unknown emulator endpoint: ${method} ${pathname}`, 404);
  const id = decodeURIComponent(match[1] ?? '');
  const record = store.sessions.get(id);
  if (!record) {
    const error = resourceMissing('checkout.session', id);
    return sendJson(res, error.status, { error: error.body });
  }

  if (match[2] === 'async') {
    const body = await readJson(req, asyncSchema);
    if (!body.ok) return invalid(res, body.message);
    const result = settleAsyncPayment(store, record, body.data.outcome);
    return result.ok ? sendJson(res, 200, { session: result.session }) : invalid(res, result.message);
  }

  const body = await readJson(req, paySchema);
  if (!body.ok) return invalid(res, body.message);
  const choice =
    'card' in body.data
      ? { method: 'card' as const, card: { number: body.data.card, expiry: body.data.expiry, cvc: body.data.cvc } }
      : body.data;
  // PayPay: the client's answer on PayPay's page, given directly.
  const result =
    choice.method === 'paypay' ? authorisePaypay(store, record, choice.outcome) : paySession(store, record, choice);
  switch (result.kind) {
    case 'paid':
      return sendJson(res, 200, { session: result.session, redirect_url: result.redirectUrl });
    case 'card_error': {
      const { code, declineCode, message } = result.error;
      return sendJson(res, 402, {
        error: { type: 'card_error', code, ...(declineCode ? { decline_code: declineCode } : {}), message },
      });
    }
    case 'closed':
      return invalid(res, `Checkout Session ${id} is ${result.status} and can no longer be paid.`);
    case 'method_unavailable':
      return invalid(res, `Checkout Session ${id} does not accept ${choice.method}.`);
    case 'declined':
      return sendJson(res, 402, {
        error: { type: 'invalid_request_error', code: 'payment_method_provider_decline', message: 'PayPay declined.' },
      });
    case 'authorise':
      return invalid(res, 'A redirect method needs its outcome.');
  }
}
