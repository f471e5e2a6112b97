/** Validation of `POST /v1/checkout/sessions`, limited to what the emulator implements. */
import { invalidRequest, parameterInvalid, parameterMissing } from './errors';
import type { FormObject } from './form';
import {
  isFormObject,
  paramPath,
  readArray,
  readEnum,
  readInteger,
  readMetadata,
  readObject,
  readString,
  readUrl,
  rejectUnknown,
} from './params';
import {
  type LineItem,
  type Metadata,
  type PaymentIntentData,
  type PaymentMethodType,
  paymentMethodTypes,
} from './types';

export type SessionInput = {
  lineItems: LineItem[];
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Metadata;
  successUrl: string | null;
  cancelUrl: string | null;
  expiresAt: number;
  locale: string | null;
  paymentIntentData: PaymentIntentData;
  paymentMethodTypes: PaymentMethodType[];
  allowedPaymentMethodTypes: PaymentMethodType[] | null;
};

const sessionParams = [
  'mode',
  'line_items',
  'customer_email',
  'client_reference_id',
  'metadata',
  'success_url',
  'cancel_url',
  'expires_at',
  'locale',
  'payment_intent_data',
  'payment_method_types',
  'allowed_payment_method_types',
  'expand',
] as const;

// Checkout's locales as of the pinned API version.
const locales = [
  'auto',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
] as const;

const minExpirySeconds = 30 * 60;
const maxExpirySeconds = 24 * 60 * 60;
// Stripe's limits for JPY charges.
const minimumTotal = 50;
const maximumAmount = 99_999_999;

function readLineItem(item: FormObject, parent: string): LineItem {
  rejectUnknown(item, ['price_data', 'quantity'], parent);
  const priceData = readObject(item, 'price_data', parent);
  if (!priceData) throw parameterMissing(paramPath(parent, 'price_data'));
  const pricePath = paramPath(parent, 'price_data');
  rejectUnknown(priceData, ['currency', 'unit_amount', 'product_data'], pricePath);

  const currency = readString(priceData, 'currency', pricePath)?.toLowerCase();
  if (!currency) throw parameterMissing(paramPath(pricePath, 'currency'));
  if (currency !== 'jpy') {
    throw parameterInvalid(
      paramPath(pricePath, 'currency'),
      `The emulator only supports currency jpy, got ${currency}.`,
      'parameter_invalid_string',
    );
  }
  const unitAmount = readInteger(priceData, 'unit_amount', pricePath);
  if (unitAmount === undefined) throw parameterMissing(paramPath(pricePath, 'unit_amount'));
  if (unitAmount < 0 || unitAmount > maximumAmount) {
    throw parameterInvalid(
      paramPath(pricePath, 'unit_amount'),
      `This value must be between 0 and ${maximumAmount}.`,
      'parameter_invalid_integer',
    );
  }

  const productData = readObject(priceData, 'product_data', pricePath);
  const productPath = paramPath(pricePath, 'product_data');
  if (!productData) throw parameterMissing(productPath);
  rejectUnknown(productData, ['name', 'description'], productPath);
  const name = readString(productData, 'name', productPath);
  if (!name) throw parameterMissing(paramPath(productPath, 'name'));

  const quantity = readInteger(item, 'quantity', parent);
  if (quantity === undefined) throw parameterMissing(paramPath(parent, 'quantity'));
  if (quantity < 1)
    throw parameterInvalid(
      paramPath(parent, 'quantity'),
      'This value must be greater than or equal to 1.',
      'parameter_invalid_integer',
    );

  return { name, description: readString(productData, 'description', productPath) ?? null, unitAmount, quantity };
}

function readLineItems(params: FormObject): LineItem[] {
  const items = readArray(params, 'line_items');
  if (!items || items.length === 0) throw parameterMissing('line_items');
  if (items.length > 100) throw parameterInvalid('line_items', 'A Checkout Session can have at most 100 line items.');
  return items.map((item, index) => {
    const path = paramPath('line_items', index);
    if (!isFormObject(item)) throw parameterInvalid(path, 'Invalid object');
    return readLineItem(item, path);
  });
}

function readPaymentIntentData(params: FormObject): PaymentIntentData {
  const data = readObject(params, 'payment_intent_data');
  if (!data) return { metadata: {}, statementDescriptorSuffix: null };
  rejectUnknown(data, ['metadata', 'statement_descriptor_suffix'], 'payment_intent_data');
  const suffix = readString(data, 'statement_descriptor_suffix', 'payment_intent_data') ?? null;
  if (suffix !== null && suffix.length > 22) {
    throw parameterInvalid(
      'payment_intent_data[statement_descriptor_suffix]',
      'The statement descriptor suffix must be at most 22 characters long.',
    );
  }
  return { metadata: readMetadata(data, 'metadata', 'payment_intent_data'), statementDescriptorSuffix: suffix };
}

function readMethodList(params: FormObject, key: string): PaymentMethodType[] | undefined {
  return readArray(params, key)?.map((type, index) => {
    if (!paymentMethodTypes.includes(type as PaymentMethodType)) {
      throw parameterInvalid(
        paramPath(key, index),
        `The emulator supports the payment method types ${paymentMethodTypes.join(', ')}, got ${JSON.stringify(type)}.`,
        'parameter_invalid_string',
      );
    }
    return type as PaymentMethodType;
  });
}

/**
 * `payment_method_types` is the long-standing parameter; SDK 23's types offer only
 * `allowed_payment_method_types` (a filter on dynamic payment methods). Either one sets the list;
 * without them the emulator offers cards.
 */
function readPaymentMethodTypes(
  params: FormObject,
): Pick<SessionInput, 'paymentMethodTypes' | 'allowedPaymentMethodTypes'> {
  const explicit = readMethodList(params, 'payment_method_types');
  const allowed = readMethodList(params, 'allowed_payment_method_types');
  if (explicit && allowed) {
    throw invalidRequest(
      'You may only specify one of these parameters: payment_method_types, allowed_payment_method_types.',
      {
        param: 'allowed_payment_method_types',
      },
    );
  }
  return { paymentMethodTypes: explicit ?? allowed ?? ['card'], allowedPaymentMethodTypes: allowed ?? null };
}

function readExpiresAt(params: FormObject, nowSeconds: number): number {
  const expiresAt = readInteger(params, 'expires_at');
  if (expiresAt === undefined) return nowSeconds + maxExpirySeconds;
  if (expiresAt < nowSeconds + minExpirySeconds) {
    throw parameterInvalid(
      'expires_at',
      'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
    );
  }
  if (expiresAt > nowSeconds + maxExpirySeconds) {
    throw parameterInvalid(
      'expires_at',
      'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
    );
  }
  return expiresAt;
}

function readEmail(params: FormObject): string | null {
  const email = readString(params, 'customer_email');
  if (email === undefined) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw invalidRequest(`Invalid email address: ${email}`, { code: 'email_invalid', param: 'customer_email' });
  }
  return email;
}

export function readSessionInput(params: FormObject, nowSeconds: number): SessionInput {
  rejectUnknown(params, sessionParams);
  const mode = readString(params, 'mode') ?? 'payment';
  if (mode !== 'payment')
    throw parameterInvalid('mode', `The emulator supports only mode=payment, got ${mode}.`, 'parameter_invalid_string');

  const lineItems = readLineItems(params);
  const total = lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  if (total < minimumTotal) {
    throw invalidRequest(`The Checkout Session's total amount due must add up to at least ¥${minimumTotal}`, {
      code: 'amount_too_small',
      param: 'line_items',
    });
  }
  if (total > maximumAmount) {
    throw invalidRequest(
      `The Checkout Session's total amount due must be no more than ¥${maximumAmount.toLocaleString('en-US')}`,
      { code: 'amount_too_large', param: 'line_items' },
    );
  }

  const clientReferenceId = readString(params, 'client_reference_id') ?? null;
  if (clientReferenceId !== null && clientReferenceId.length > 200) {
    throw parameterInvalid('client_reference_id', 'client_reference_id must be at most 200 characters long.');
  }

  return {
    lineItems,
    customerEmail: readEmail(params),
    clientReferenceId,
    metadata: readMetadata(params, 'metadata'),
    successUrl: readUrl(params, 'success_url') ?? null,
    cancelUrl: readUrl(params, 'cancel_url') ?? null,
    expiresAt: readExpiresAt(params, nowSeconds),
    locale: readEnum(params, 'locale', locales) ?? null,
    paymentIntentData: readPaymentIntentData(params),
    ...readPaymentMethodTypes(params),
  };
}
