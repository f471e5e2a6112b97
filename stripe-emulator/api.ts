/** The `/v1/…` API: authentication, idempotency, routing, and Stripe's error envelope. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAuthorization } from './auth';
import { readSessionInput } from './checkout-params';
import { createSession, expireSession, getSessionOrThrow } from './checkout';
import { StripeApiError, resourceMissing, unrecognizedUrl } from './errors';
import { checkExpandPaths, expand } from './expand';
import { canonicalForm, parseForm, type FormObject } from './form';
import { BodyTooLargeError, readBody } from './http';
import type { IdempotencyStore } from './idempotency';
import { newId } from './ids';
import { readExpand, rejectUnknown } from './params';
import { cancelPaymentIntent } from './payments';
import { createRefund } from './refunds';
import { discountRoutes, readDiscountInput } from './discounts';
import type { RequestInfo, Store } from './store';

type RouteContext = { store: Store; params: FormObject; id: string; request: RequestInfo; baseUrl: string };
type Route = {
  method: 'GET' | 'POST';
  pattern: RegExp;
  returns: string;
  handle: (ctx: RouteContext) => { object: string };
};

const routes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/checkout\/sessions$/,
    returns: 'checkout.session',
    handle: ({ store, params, baseUrl }) => {
      const { discounts = '', allow_promotion_codes = '', ...rest } = params;
      const discount = readDiscountInput(store, { discounts, allow_promotion_codes });
      return createSession(store, readSessionInput(rest, store.clock.nowSeconds()), baseUrl, discount);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
    returns: 'checkout.session',
    handle: ({ store, params, id }) => {
      rejectUnknown(params, ['expand']);
      return getSessionOrThrow(store, id).session;
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
    returns: 'checkout.session',
    handle: ({ store, params, id, request }) => {
      rejectUnknown(params, ['expand']);
      return expireSession(store, id, request);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    returns: 'payment_intent',
    handle: ({ store, params, id }) => {
      rejectUnknown(params, ['expand']);
      const intent = store.paymentIntents.get(id);
      if (!intent) throw resourceMissing('payment_intent', id);
      return intent;
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
    returns: 'payment_intent',
    handle: ({ store, params, id }) => {
      rejectUnknown(params, ['expand', 'cancellation_reason']);
      const intent = store.paymentIntents.get(id);
      if (!intent) throw resourceMissing('payment_intent', id);
      return cancelPaymentIntent(store, intent);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/refunds$/,
    returns: 'refund',
    handle: ({ store, params, request }) => createRefund(store, params, request),
  },
  ...discountRoutes,
];

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  context: { store: Store; idempotency: IdempotencyStore; baseUrl: string; log: (line: string) => void },
): Promise<void> {
  const { store, idempotency } = context;
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = req.method ?? 'GET';
  const requestId = newId('req_', 14);
  const idempotencyKey = method === 'POST' ? (header(req, 'idempotency-key') ?? null) : null;
  const headers: Record<string, string> = {
    'request-id': requestId,
    'stripe-version': header(req, 'stripe-version') ?? store.apiVersion,
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  };
  const send = (status: number, payload: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
      ...extra,
    });
    res.end(payload);
  };

  try {
    const authError = checkAuthorization(header(req, 'authorization'));
    if (authError) throw authError;

    const params = method === 'POST' ? parseForm(await readBody(req)) : parseForm(url.search.slice(1));
    const route = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) throw unrecognizedUrl(method, url.pathname);

    const fingerprint = canonicalForm(params);
    if (idempotencyKey) {
      const stored = idempotency.replay(idempotencyKey, url.pathname, fingerprint);
      if (stored) return send(stored.status, stored.payload, { 'idempotent-replayed': 'true' });
    }

    const id = decodeURIComponent(route.pattern.exec(url.pathname)?.[1] ?? '');
    const expandPaths = readExpand(params);
    checkExpandPaths(route.returns, expandPaths);
    const result = route.handle({
      store,
      params,
      id,
      request: { id: requestId, idempotencyKey },
      baseUrl: context.baseUrl,
    });
    const payload = JSON.stringify(expand(store, result, expandPaths), null, 2);
    if (idempotencyKey)
      idempotency.save(idempotencyKey, {
        path: url.pathname,
        fingerprint,
        status: 200,
        payload,
        savedAt: store.clock.nowMs(),
      });
    send(200, payload);
  } catch (error) {
    if (error instanceof StripeApiError) {
      send(error.status, JSON.stringify({ error: error.body }, null, 2));
      return;
    }
    if (error instanceof BodyTooLargeError) {
      send(
        413,
        JSON.stringify(
          { error: { type: 'invalid_request_error', message: 'The request body is too large.' } },
          null,
          2,
        ),
      );
      return;
    }
    context.log(
      `internal error on ${method} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    send(
      500,
      JSON.stringify({ error: { type: 'api_error', message: 'An unexpected error occurred in the Stripe emulator.' } }),
      {
        'stripe-should-retry': 'false',
      },
    );
  }
}
