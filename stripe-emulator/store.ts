/** In-memory state and event emission: everything the emulator knows lives here until it stops. */
import type { Clock } from './clock';
import { newId } from './ids';
import type {
  Charge,
  Coupon,
  EventType,
  PromotionCode,
  PaymentIntent,
  Refund,
  SessionRecord,
  StripeEvent,
} from './types';

export type RequestInfo = { id: string | null; idempotencyKey: string | null };

export type EmitOptions = { previousAttributes?: Record<string, unknown>; request?: RequestInfo };

export type Store = {
  readonly clock: Clock;
  readonly apiVersion: string;
  /** The emulator's own origin (set once it listens): the hosted pages' links. */
  baseUrl: string;
  readonly sessions: Map<string, SessionRecord>;
  readonly paymentIntents: Map<string, PaymentIntent>;
  readonly charges: Map<string, Charge>;
  readonly refunds: Map<string, Refund>;
  readonly coupons: Map<string, Coupon>;
  readonly promotionCodes: Map<string, PromotionCode>;
  readonly events: StripeEvent[];
  emit(type: EventType, object: unknown, options?: EmitOptions): StripeEvent;
};

export function createStore(options: {
  clock: Clock;
  apiVersion: string;
  hasWebhookEndpoint: boolean;
  onEvent: (event: StripeEvent) => void;
}): Store {
  const events: StripeEvent[] = [];
  return {
    clock: options.clock,
    apiVersion: options.apiVersion,
    baseUrl: '',
    sessions: new Map(),
    paymentIntents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    coupons: new Map(),
    promotionCodes: new Map(),
    events,
    emit(type, object, { previousAttributes, request } = {}) {
      const event: StripeEvent = {
        id: newId('evt_'),
        object: 'event',
        api_version: options.apiVersion,
        created: options.clock.nowSeconds(),
        // A snapshot: the stored object keeps changing after the event is sent.
        data: previousAttributes
          ? { object: structuredClone(object), previous_attributes: previousAttributes }
          : { object: structuredClone(object) },
        livemode: false,
        pending_webhooks: options.hasWebhookEndpoint ? 1 : 0,
        request: request
          ? { id: request.id, idempotency_key: request.idempotencyKey }
          : { id: null, idempotency_key: null },
        type,
      };
      events.push(event);
      options.onEvent(event);
      return event;
    },
  };
}
