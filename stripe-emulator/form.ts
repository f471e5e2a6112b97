/**
 * Stripe's form encoding: `a[b][c]=1`, `items[0][x]=1` and `expand[]=x` become nested objects and
 * arrays. Objects have no prototype, so a key such as `__proto__` stays an ordinary key.
 */

export type FormValue = string | FormValue[] | FormObject;
export type FormObject = { [key: string]: FormValue };

type Node = { [key: string]: Node | string } | (Node | string)[];

const keyPattern = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function splitKey(key: string): string[] {
  const match = keyPattern.exec(key);
  if (!match?.[1]) return [key];
  const segments = [match[1]];
  for (const part of (match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)) segments.push(part[1] ?? '');
  return segments;
}

function emptyObject(): { [key: string]: Node | string } {
  return Object.create(null) as { [key: string]: Node | string };
}

function assign(root: { [key: string]: Node | string }, segments: string[], value: string): void {
  let container: Node = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const last = i === segments.length - 1;
    const nextIsPush = segments[i + 1] === '';
    if (Array.isArray(container)) {
      // Only `[]` produces arrays here; indexed keys are collected as objects and converted at the end.
      if (last) container.push(value);
      else {
        const child: Node = nextIsPush ? [] : emptyObject();
        container.push(child);
        container = child;
      }
      continue;
    }
    if (last) {
      container[segment] = value;
      continue;
    }
    const existing: Node | string | undefined = container[segment];
    if (existing === undefined || typeof existing === 'string' || (nextIsPush && !Array.isArray(existing))) {
      const child: Node = nextIsPush ? [] : emptyObject();
      container[segment] = child;
      container = child;
    } else {
      container = existing;
    }
  }
}

function finish(node: Node | string): FormValue {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(finish);
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => finish(node[k] as Node | string));
  }
  const out = Object.create(null) as FormObject;
  for (const key of keys) out[key] = finish(node[key] as Node | string);
  return out;
}

export function parseForm(body: string): FormObject {
  const root = emptyObject();
  for (const [key, value] of new URLSearchParams(body)) assign(root, splitKey(key), value);
  return finish(root) as FormObject;
}

/** A stable text form of parsed parameters, for comparing idempotent requests. */
export function canonicalForm(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalForm).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalForm(value[k] as FormValue)}`).join(',')}}`;
}
