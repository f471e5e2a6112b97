/** Stripe's `expand[]`: replace an id by the object it names, on a copy, following dotted paths. */
import { invalidRequest } from './errors';
import type { Store } from './store';

type ApiObject = { object: string } & Record<string, unknown>;

// For each object type, the properties holding an id and the type of object that id names.
const expandable: Record<string, Record<string, string>> = {
  'checkout.session': { payment_intent: 'payment_intent' },
  payment_intent: { latest_charge: 'charge' },
  charge: { payment_intent: 'payment_intent' },
  refund: { charge: 'charge', payment_intent: 'payment_intent' },
};

/** Throws Stripe's error for a path that cannot be expanded; run before a request changes anything. */
export function checkExpandPaths(objectType: string, paths: string[]): void {
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property (${path}).`, { param: 'expand' });
    let type: string | undefined = objectType;
    for (const segment of segments) {
      type = type ? expandable[type]?.[segment] : undefined;
      if (!type) throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
    }
  }
}

function lookup(store: Store, id: string): unknown {
  if (id.startsWith('pi_')) return store.paymentIntents.get(id);
  if (id.startsWith('ch_')) return store.charges.get(id);
  return undefined;
}

function expandPath(store: Store, target: ApiObject, segments: string[]): void {
  const [key, ...rest] = segments;
  if (key === undefined) return;
  let value = target[key];
  if (typeof value === 'string') {
    value = structuredClone(lookup(store, value)) ?? value;
    target[key] = value;
  }
  if (value && typeof value === 'object' && rest.length > 0) expandPath(store, value as ApiObject, rest);
}

export function expand<T extends { object: string }>(store: Store, object: T, paths: string[]): T {
  if (paths.length === 0) return object;
  checkExpandPaths(object.object, paths);
  const copy = structuredClone(object) as unknown as ApiObject;
  for (const path of paths) expandPath(store, copy, path.split('.'));
  return copy as unknown as T;
}
