/** Reading form parameters the way Stripe validates them, with Stripe's error for each mistake. */
import { invalidRequest, parameterInvalid, parameterUnknown } from './errors';
import type { FormObject, FormValue } from './form';
import type { Metadata } from './types';

export function paramPath(parent: string, key: string | number): string {
  return parent ? `${parent}[${key}]` : String(key);
}

export function isFormObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value);
}

export function rejectUnknown(params: FormObject, allowed: readonly string[], parent = ''): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw parameterUnknown(paramPath(parent, key));
  }
}

/** An empty string means "not given", as in Stripe's form encoding. */
export function readString(params: FormObject, key: string, parent = ''): string | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string')
    throw parameterInvalid(paramPath(parent, key), `Invalid string: ${JSON.stringify(value)}`);
  return value;
}

export function readInteger(params: FormObject, key: string, parent = ''): number | undefined {
  const raw = readString(params, key, parent);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value)) {
    throw parameterInvalid(paramPath(parent, key), `Invalid integer: ${raw}`, 'parameter_invalid_integer');
  }
  return value;
}

export function readObject(params: FormObject, key: string, parent = ''): FormObject | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (!isFormObject(value)) throw parameterInvalid(paramPath(parent, key), 'Invalid object');
  return value;
}

export function readArray(params: FormObject, key: string, parent = ''): FormValue[] | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (!Array.isArray(value)) throw parameterInvalid(paramPath(parent, key), 'Invalid array');
  return value;
}

export function readEnum<T extends string>(
  params: FormObject,
  key: string,
  values: readonly T[],
  parent = '',
): T | undefined {
  const raw = readString(params, key, parent);
  if (raw === undefined) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw parameterInvalid(
      paramPath(parent, key),
      `Invalid ${key}: must be one of ${values.join(', ')}`,
      'parameter_invalid_string',
    );
  }
  return raw as T;
}

export function readUrl(params: FormObject, key: string, parent = ''): string | undefined {
  const raw = readString(params, key, parent);
  if (raw === undefined) return undefined;
  // `{CHECKOUT_SESSION_ID}` is not valid in a URL as written, so check the URL it will become.
  const candidate = raw.replaceAll('{CHECKOUT_SESSION_ID}', 'cs_test_placeholder');
  let ok = false;
  try {
    const url = new URL(candidate);
    ok = url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw invalidRequest('Not a valid URL', { code: 'url_invalid', param: paramPath(parent, key) });
  return raw;
}

/** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500; an empty value unsets. */
export function readMetadata(params: FormObject, key: string, parent = ''): Metadata {
  const path = paramPath(parent, key);
  const value = readObject(params, key, parent);
  const metadata: Metadata = {};
  if (!value) return metadata;
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw parameterInvalid(paramPath(path, name), 'Metadata values must be strings.');
    if (name.length > 40)
      throw parameterInvalid(paramPath(path, name), 'Metadata keys must be at most 40 characters long.');
    if (entry.length > 500)
      throw parameterInvalid(paramPath(path, name), 'Metadata values must be at most 500 characters long.');
    if (entry !== '') metadata[name] = entry;
  }
  if (Object.keys(metadata).length > 50) throw parameterInvalid(path, 'Metadata can have up to 50 keys.');
  return metadata;
}

export function readExpand(params: FormObject): string[] {
  const value = params.expand;
  if (value === undefined || value === '') return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw parameterInvalid('expand', 'Invalid array');
  }
  return value;
}
