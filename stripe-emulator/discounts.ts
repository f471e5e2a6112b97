/**
 * Coupons, promotion codes and the discounts on Checkout Sessions, as Stripe behaves for JPY
 * (a zero-decimal currency): a percent off is rounded to the nearest yen, an amount off never
 * takes the total below zero, and a code is refused when it is inactive, expired or used up.
 */
import { invalidRequest, parameterInvalid, parameterMissing, StripeApiError } from './errors';
import type { FormObject } from './form';
import { newId } from './ids';
import {
  isFormObject,
  paramPath,
  readArray,
  readEnum,
  readInteger,
  readMetadata,
  readObject,
  readString,
  rejectUnknown,
} from './params';
import type { Store } from './store';
import type { Coupon, PromotionCode, SessionDiscount, SessionRecord } from './types';

function resourceMissing(kind: 'coupon' | 'promotion_code', id: string, param: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

function readBoolean(params: FormObject, key: string, parent = ''): boolean | undefined {
  const raw = readString(params, key, parent);
  if (raw === undefined) return undefined;
  if (raw !== 'true' && raw !== 'false')
    throw parameterInvalid(paramPath(parent, key), `Invalid boolean: ${raw}`, 'parameter_invalid_boolean');
  return raw === 'true';
}

/** `POST /v1/coupons`: JPY only; `once` is the only duration a one-time payment can use. */
export function createCoupon(store: Store, params: FormObject): Coupon {
  rejectUnknown(params, [
    'id',
    'name',
    'percent_off',
    'amount_off',
    'currency',
    'duration',
    'max_redemptions',
    'redeem_by',
    'metadata',
    'expand',
  ]);
  const percentRaw = readString(params, 'percent_off');
  const amountOff = readInteger(params, 'amount_off');
  if (percentRaw === undefined && amountOff === undefined)
    throw invalidRequest('You must pass either percent_off or amount_off.', { param: 'percent_off' });
  if (percentRaw !== undefined && amountOff !== undefined)
    throw invalidRequest('You may only specify one of these parameters: amount_off, percent_off.', {
      param: 'amount_off',
    });
  let percentOff: number | null = null;
  if (percentRaw !== undefined) {
    percentOff = Number(percentRaw);
    if (!Number.isFinite(percentOff) || percentOff <= 0 || percentOff > 100)
      throw parameterInvalid('percent_off', 'percent_off must be greater than 0 and at most 100.');
  }
  const currency = readString(params, 'currency')?.toLowerCase() ?? null;
  if (amountOff !== undefined) {
    if (!currency) throw invalidRequest('You must pass currency when passing amount_off.', { param: 'currency' });
    if (currency !== 'jpy')
      throw parameterInvalid('currency', `The emulator only supports currency jpy, got ${currency}.`);
    if (amountOff <= 0) throw parameterInvalid('amount_off', 'amount_off must be greater than 0.');
  }
  const duration = readEnum(params, 'duration', ['once', 'forever', 'repeating'] as const) ?? 'once';
  if (duration !== 'once')
    throw parameterInvalid('duration', 'The emulator supports only duration=once (one-time payments).');
  const maxRedemptions = readInteger(params, 'max_redemptions') ?? null;
  if (maxRedemptions !== null && maxRedemptions < 1)
    throw parameterInvalid('max_redemptions', 'max_redemptions must be at least 1.');
  const redeemBy = readInteger(params, 'redeem_by') ?? null;
  if (redeemBy !== null && redeemBy <= store.clock.nowSeconds())
    throw parameterInvalid('redeem_by', 'redeem_by must be in the future.');
  const id = readString(params, 'id') ?? newId('', 8);
  if (store.coupons.has(id))
    throw invalidRequest('Coupon already exists.', { code: 'resource_already_exists', param: 'id' });
  const coupon: Coupon = {
    id,
    object: 'coupon',
    amount_off: amountOff ?? null,
    created: store.clock.nowSeconds(),
    currency: amountOff !== undefined ? currency : null,
    duration: 'once',
    duration_in_months: null,
    livemode: false,
    max_redemptions: maxRedemptions,
    metadata: readMetadata(params, 'metadata'),
    name: readString(params, 'name') ?? null,
    percent_off: percentOff,
    redeem_by: redeemBy,
    times_redeemed: 0,
    valid: true,
  };
  store.coupons.set(id, coupon);
  return coupon;
}

export function getCoupon(store: Store, id: string): Coupon {
  const coupon = store.coupons.get(id);
  if (!coupon) throw resourceMissing('coupon', id, 'coupon');
  refreshCoupon(store, coupon);
  return coupon;
}

/** `valid` follows redeem_by and max_redemptions, as Stripe reports it. */
function refreshCoupon(store: Store, coupon: Coupon): void {
  const expired = coupon.redeem_by !== null && coupon.redeem_by <= store.clock.nowSeconds();
  const usedUp = coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions;
  if (expired || usedUp) coupon.valid = false;
}

/** `POST /v1/promotion_codes` with `promotion[type]=coupon` (API 2025-09-30 and later). */
export function createPromotionCode(store: Store, params: FormObject): PromotionCode {
  rejectUnknown(params, ['promotion', 'code', 'active', 'expires_at', 'max_redemptions', 'metadata', 'expand']);
  const promotion = readObject(params, 'promotion');
  if (!promotion) throw parameterMissing('promotion');
  rejectUnknown(promotion, ['type', 'coupon'], 'promotion');
  if (readString(promotion, 'type', 'promotion') !== 'coupon')
    throw parameterInvalid('promotion[type]', 'promotion[type] must be coupon.');
  const couponId = readString(promotion, 'coupon', 'promotion');
  if (!couponId) throw parameterMissing('promotion[coupon]');
  const coupon = store.coupons.get(couponId);
  if (!coupon) throw resourceMissing('coupon', couponId, 'promotion[coupon]');
  const code = readString(params, 'code') ?? newId('', 8).toUpperCase();
  if (!/^[a-zA-Z0-9_-]{1,500}$/.test(code))
    throw parameterInvalid('code', 'Promotion codes may contain only letters, digits, dashes and underscores.');
  const taken = [...store.promotionCodes.values()].some((p) => p.active && p.code.toLowerCase() === code.toLowerCase());
  if (taken)
    throw invalidRequest('An active promotion code with `code` already exists.', {
      code: 'resource_already_exists',
      param: 'code',
    });
  const maxRedemptions = readInteger(params, 'max_redemptions') ?? null;
  if (maxRedemptions !== null && maxRedemptions < 1)
    throw parameterInvalid('max_redemptions', 'max_redemptions must be at least 1.');
  const expiresAt = readInteger(params, 'expires_at') ?? null;
  if (expiresAt !== null && expiresAt <= store.clock.nowSeconds())
    throw parameterInvalid('expires_at', 'expires_at must be in the future.');
  if (expiresAt !== null && coupon.redeem_by !== null && expiresAt > coupon.redeem_by)
    throw parameterInvalid('expires_at', "The promotion code's expires_at cannot be after the coupon's redeem_by.");
  const promotionCode: PromotionCode = {
    id: newId('promo_'),
    object: 'promotion_code',
    active: readBoolean(params, 'active') ?? true,
    code,
    created: store.clock.nowSeconds(),
    customer: null,
    expires_at: expiresAt,
    livemode: false,
    max_redemptions: maxRedemptions,
    metadata: readMetadata(params, 'metadata'),
    promotion: { type: 'coupon', coupon: structuredClone(coupon) },
    restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    times_redeemed: 0,
  };
  store.promotionCodes.set(promotionCode.id, promotionCode);
  return withCurrentCoupon(store, promotionCode);
}

/** A promotion code shows its coupon as it is now (Stripe embeds the coupon object). */
function withCurrentCoupon(store: Store, promotionCode: PromotionCode): PromotionCode {
  const couponId = promotionCode.promotion.coupon.id;
  const coupon = store.coupons.get(couponId);
  if (coupon) {
    refreshCoupon(store, coupon);
    promotionCode.promotion.coupon = structuredClone(coupon);
  }
  // Stripe turns a code off once it can no longer be redeemed.
  const now = store.clock.nowSeconds();
  if (
    (promotionCode.expires_at !== null && promotionCode.expires_at <= now) ||
    (promotionCode.max_redemptions !== null && promotionCode.times_redeemed >= promotionCode.max_redemptions) ||
    (coupon && !coupon.valid)
  )
    promotionCode.active = false;
  return promotionCode;
}

export function getPromotionCode(store: Store, id: string, param = 'promotion_code'): PromotionCode {
  const promotionCode = store.promotionCodes.get(id);
  if (!promotionCode) throw resourceMissing('promotion_code', id, param);
  return withCurrentCoupon(store, promotionCode);
}

/** `POST /v1/promotion_codes/:id`: only `active` and `metadata` change. */
export function updatePromotionCode(store: Store, id: string, params: FormObject): PromotionCode {
  rejectUnknown(params, ['active', 'metadata', 'expand']);
  const promotionCode = getPromotionCode(store, id, 'id');
  const active = readBoolean(params, 'active');
  if (active === true && !promotionCode.active) {
    const now = store.clock.nowSeconds();
    const usable =
      (promotionCode.expires_at === null || promotionCode.expires_at > now) &&
      (promotionCode.max_redemptions === null || promotionCode.times_redeemed < promotionCode.max_redemptions) &&
      promotionCode.promotion.coupon.valid;
    if (!usable) throw invalidRequest('This promotion code cannot be reactivated.', { param: 'active' });
  }
  if (active !== undefined) promotionCode.active = active;
  if (params.metadata !== undefined)
    promotionCode.metadata = { ...promotionCode.metadata, ...readMetadata(params, 'metadata') };
  return promotionCode;
}

/** `GET /v1/promotion_codes`: newest first, filtered by `code` (exact, case-insensitive), `active`, `coupon`. */
export function listPromotionCodes(store: Store, params: FormObject) {
  rejectUnknown(params, ['code', 'active', 'coupon', 'limit', 'starting_after', 'ending_before', 'expand']);
  const code = readString(params, 'code');
  const active = readBoolean(params, 'active');
  const coupon = readString(params, 'coupon');
  const limit = readInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw parameterInvalid('limit', 'limit must be between 1 and 100.');
  const all = [...store.promotionCodes.values()]
    .map((p) => withCurrentCoupon(store, p))
    .filter(
      (p) =>
        (code === undefined || p.code.toLowerCase() === code.toLowerCase()) &&
        (active === undefined || p.active === active) &&
        (coupon === undefined || p.promotion.coupon.id === coupon),
    )
    .reverse();
  return {
    object: 'list' as const,
    data: all.slice(0, limit),
    has_more: all.length > limit,
    url: '/v1/promotion_codes',
  };
}

/** Stripe's refusal of a code a session cannot use (on creation, or typed on the hosted page). */
function checkRedeemable(store: Store, promotionCode: PromotionCode, param: string): void {
  const current = withCurrentCoupon(store, promotionCode);
  const now = store.clock.nowSeconds();
  if (current.expires_at !== null && current.expires_at <= now)
    throw invalidRequest(`This promotion code has expired: '${current.code}'.`, {
      code: 'promotion_code_expired',
      param,
    });
  if (current.max_redemptions !== null && current.times_redeemed >= current.max_redemptions)
    throw invalidRequest(`This promotion code has reached its maximum number of redemptions: '${current.code}'.`, {
      code: 'promotion_code_max_redemptions',
      param,
    });
  if (!current.promotion.coupon.valid)
    throw invalidRequest(`The coupon of this promotion code is no longer valid: '${current.code}'.`, {
      code: 'coupon_expired',
      param,
    });
  if (!current.active)
    throw invalidRequest(`This promotion code is inactive: '${current.code}'.`, {
      code: 'promotion_code_inactive',
      param,
    });
}

export type DiscountInput = { discounts: SessionDiscount[]; allowPromotionCodes: boolean };

/** `discounts[0][promotion_code|coupon]` and `allow_promotion_codes` on session creation (one of them). */
export function readDiscountInput(store: Store, params: FormObject): DiscountInput {
  const allowPromotionCodes = readBoolean(params, 'allow_promotion_codes') ?? false;
  const list = readArray(params, 'discounts') ?? [];
  if (list.length > 0 && allowPromotionCodes)
    throw invalidRequest('You may only specify one of these parameters: allow_promotion_codes, discounts.', {
      param: 'discounts',
    });
  if (list.length > 1) throw parameterInvalid('discounts', 'You may only specify one discount.');
  const discounts = list.map((entry, index): SessionDiscount => {
    const path = paramPath('discounts', index);
    if (!isFormObject(entry)) throw parameterInvalid(path, 'Invalid object');
    rejectUnknown(entry, ['promotion_code', 'coupon'], path);
    const promotionCodeId = readString(entry, 'promotion_code', path);
    const couponId = readString(entry, 'coupon', path);
    if (promotionCodeId && couponId)
      throw invalidRequest('You may only specify one of these parameters: coupon, promotion_code.', { param: path });
    if (promotionCodeId) {
      const param = paramPath(path, 'promotion_code');
      const promotionCode = getPromotionCode(store, promotionCodeId, param);
      checkRedeemable(store, promotionCode, param);
      return { coupon: promotionCode.promotion.coupon.id, promotion_code: promotionCode.id };
    }
    if (couponId) {
      const coupon = getCoupon(store, couponId);
      if (!coupon.valid)
        throw invalidRequest(`This coupon is no longer valid: '${couponId}'.`, {
          code: 'coupon_expired',
          param: paramPath(path, 'coupon'),
        });
      return { coupon: coupon.id, promotion_code: null };
    }
    throw parameterMissing(paramPath(path, 'promotion_code'));
  });
  return { discounts, allowPromotionCodes };
}

/** The discount Stripe gives on a subtotal: percent rounded to the nearest yen, never more than the subtotal. */
export function discountAmount(coupon: Coupon, subtotal: number): number {
  if (coupon.percent_off !== null) return Math.min(subtotal, Math.round((subtotal * coupon.percent_off) / 100));
  return Math.min(subtotal, coupon.amount_off ?? 0);
}

/** Sets the session's totals from its line items and discount. */
export function applyTotals(store: Store, record: SessionRecord): void {
  const { session } = record;
  const subtotal = record.lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  const couponId = session.discounts?.[0]?.coupon;
  const coupon = couponId ? store.coupons.get(couponId) : undefined;
  const discount = coupon ? discountAmount(coupon, subtotal) : 0;
  session.amount_subtotal = subtotal;
  session.amount_total = subtotal - discount;
  session.total_details = { ...session.total_details, amount_discount: discount };
}

/** The code the client typed on the hosted page (a session with `allow_promotion_codes`). */
export function applyTypedCode(store: Store, record: SessionRecord, typed: string): string | null {
  const code = typed.trim();
  const found = [...store.promotionCodes.values()].find((p) => p.code.toLowerCase() === code.toLowerCase());
  if (!code || !found) return 'このコードは無効です。';
  try {
    checkRedeemable(store, found, 'promotion_code');
  } catch {
    return 'このコードは現在ご利用いただけません。';
  }
  const coupon = store.coupons.get(found.promotion.coupon.id)!;
  const subtotal = record.session.amount_subtotal;
  if (subtotal - discountAmount(coupon, subtotal) < 50) return 'このコードはこのお支払いには使えません。';
  record.session.discounts = [{ coupon: coupon.id, promotion_code: found.id }];
  applyTotals(store, record);
  return null;
}

/** The code a session's discount came from, for the hosted page. */
export function discountCode(store: Store, record: SessionRecord): string | null {
  const id = record.session.discounts?.[0]?.promotion_code;
  return id ? (store.promotionCodes.get(id)?.code ?? null) : null;
}

/** A completed session redeems its coupon and promotion code once. */
export function redeemDiscounts(store: Store, record: SessionRecord): void {
  const discount = record.session.discounts?.[0];
  if (!discount) return;
  const coupon = discount.coupon ? store.coupons.get(discount.coupon) : undefined;
  if (coupon) coupon.times_redeemed += 1;
  const promotionCode = discount.promotion_code ? store.promotionCodes.get(discount.promotion_code) : undefined;
  if (promotionCode) {
    promotionCode.times_redeemed += 1;
    withCurrentCoupon(store, promotionCode);
  }
}

type DiscountRoute = {
  method: 'GET' | 'POST';
  pattern: RegExp;
  returns: string;
  handle: (ctx: { store: Store; params: FormObject; id: string }) => { object: string };
};

/** The API routes of coupons and promotion codes (added to api.ts's table). */
export const discountRoutes: DiscountRoute[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/coupons$/,
    returns: 'coupon',
    handle: ({ store, params }) => createCoupon(store, params),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/coupons\/([^/]+)$/,
    returns: 'coupon',
    handle: ({ store, params, id }) => {
      rejectUnknown(params, ['expand']);
      return getCoupon(store, id);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/promotion_codes$/,
    returns: 'promotion_code',
    handle: ({ store, params }) => createPromotionCode(store, params),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/promotion_codes$/,
    returns: 'list',
    handle: ({ store, params }) => listPromotionCodes(store, params),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/promotion_codes\/([^/]+)$/,
    returns: 'promotion_code',
    handle: ({ store, params, id }) => {
      rejectUnknown(params, ['expand']);
      return getPromotionCode(store, id, 'id');
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/promotion_codes\/([^/]+)$/,
    returns: 'promotion_code',
    handle: ({ store, params, id }) => updatePromotionCode(store, id, params),
  },
];
