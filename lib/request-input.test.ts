import { describe, expect, it } from 'vitest';
import { queryTextSchema, routeSegmentSchema } from './request-input';

describe('queryTextSchema', () => {
  const schema = queryTextSchema(10);

  it('removes NUL and other control characters, which PostgreSQL refuses in text', () => {
    expect(schema.parse('\u0000')).toBeUndefined();
    expect(schema.parse('a\u0000b')).toBe('a b');
    expect(schema.parse(' こころ\r\n')).toBe('こころ');
  });

  it('takes the first of repeated values, caps the length and ignores what is not text', () => {
    expect(schema.parse(['first', 'second'])).toBe('first');
    expect(schema.parse('x'.repeat(50))).toBe('x'.repeat(10));
    expect(schema.parse(undefined)).toBeUndefined();
    expect(schema.parse({ nested: true })).toBeUndefined();
  });
});

describe('routeSegmentSchema', () => {
  it('accepts slugs and ids, refuses control characters, empty and overlong segments', () => {
    expect(routeSegmentSchema.safeParse('first-session').success).toBe(true);
    expect(routeSegmentSchema.safeParse('記事').success).toBe(true);
    for (const bad of ['\u0000', 'a\u0000', '\r\n', '', 'x'.repeat(201)]) {
      expect(routeSegmentSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
