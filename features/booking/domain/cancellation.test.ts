import { describe, expect, it } from 'vitest';
import { cancellationPolicy } from '@/lib/site-config';
import { describeCancellationNow, sessionCancellationTerms } from './cancellation';

const H = 3_600_000;
const startsAt = new Date('2026-12-03T05:00:00Z'); // 14:00 in Tokyo
const before = (ms: number) => new Date(startsAt.getTime() - ms);
const terms = (now: Date, priceYen = 11_000, cancelledBy: 'client' | 'counselor' = 'client') =>
  sessionCancellationTerms({ policy: cancellationPolicy.session, startsAt, now, priceYen, cancelledBy });

describe('sessionCancellationTerms, with the site’s policy (48 h free, 24 h 50 %, then 100 %)', () => {
  it('is free while more than 48 h remain', () => {
    expect(terms(before(48 * H + 1))).toEqual({
      feePercent: 0,
      feeYen: 0,
      refundYen: 11_000,
      tierLabel: '開始48時間前まで',
      freeReschedule: true,
      started: false,
    });
    expect(terms(before(30 * 24 * H)).feePercent).toBe(0);
  });

  it('charges 50 % from exactly 48 h before down to exactly 24 h before', () => {
    const half = {
      feePercent: 50,
      feeYen: 5_500,
      refundYen: 5_500,
      tierLabel: '開始48時間前から24時間前まで',
      freeReschedule: false,
      started: false,
    };
    expect(terms(before(48 * H))).toEqual(half);
    expect(terms(before(48 * H - 1))).toEqual(half);
    expect(terms(before(24 * H))).toEqual(half);
  });

  it('charges 100 % within 24 h, at the start and after it (a no-show)', () => {
    const full = {
      feePercent: 100,
      feeYen: 11_000,
      refundYen: 0,
      tierLabel: '開始24時間前以降・無断キャンセル',
      freeReschedule: false,
    };
    expect(terms(before(24 * H - 1))).toEqual({ ...full, started: false });
    expect(terms(before(1))).toEqual({ ...full, started: false });
    expect(terms(startsAt)).toEqual({ ...full, started: true });
    expect(terms(before(-2 * H))).toEqual({ ...full, started: true });
  });

  it('refunds a counselor cancellation in full, whenever it happens', () => {
    for (const now of [before(72 * H), before(30 * H), before(H), before(-H)]) {
      expect(terms(now, 11_000, 'counselor')).toMatchObject({
        feePercent: 0,
        feeYen: 0,
        refundYen: 11_000,
        freeReschedule: true,
      });
    }
  });

  it('rounds the fee down, never up', () => {
    expect(terms(before(30 * H), 16_500)).toMatchObject({ feeYen: 8_250, refundYen: 8_250 });
    expect(terms(before(30 * H), 11_001)).toMatchObject({ feeYen: 5_500, refundYen: 5_501 });
    expect(terms(before(30 * H), 1)).toMatchObject({ feeYen: 0, refundYen: 1, freeReschedule: false });
    expect(terms(before(30 * H), 0)).toMatchObject({ feeYen: 0, refundYen: 0 });
  });

  it('rejects a non-integer or negative price, and a disordered policy', () => {
    expect(() => terms(before(30 * H), 11_000.5)).toThrow(RangeError);
    expect(() => terms(before(30 * H), -1)).toThrow(RangeError);
    expect(() => terms(before(30 * H), Number.NaN)).toThrow(RangeError);
    const disordered = [...cancellationPolicy.session].reverse();
    expect(() =>
      sessionCancellationTerms({ policy: disordered, startsAt, now: startsAt, priceYen: 1000, cancelledBy: 'client' }),
    ).toThrow(RangeError);
    expect(() =>
      sessionCancellationTerms({ policy: [], startsAt, now: startsAt, priceYen: 1000, cancelledBy: 'client' }),
    ).toThrow(RangeError);
  });

  it('follows a configured table, e.g. 72 h free, 48 h 30 %, 0 h 80 %', () => {
    const policy = [
      { hoursBefore: 72, feePercent: 0, label: 'a' },
      { hoursBefore: 48, feePercent: 30, label: 'b' },
      { hoursBefore: 0, feePercent: 80, label: 'c' },
    ];
    const at = (now: Date) =>
      sessionCancellationTerms({ policy, startsAt, now, priceYen: 10_000, cancelledBy: 'client' });
    expect(at(before(72 * H))).toMatchObject({ tierLabel: 'b', feeYen: 3_000 });
    expect(at(before(48 * H - 1))).toMatchObject({ tierLabel: 'c', feeYen: 8_000, refundYen: 2_000 });
    expect(at(before(-H))).toMatchObject({ tierLabel: 'c', started: true });
  });
});

describe('describeCancellationNow', () => {
  it('previews the fee that applies right now, tax-inclusive', () => {
    expect(describeCancellationNow(terms(before(72 * H)))).toBe('今キャンセルすると無料です。全額を返金します。');
    expect(describeCancellationNow(terms(before(30 * H)))).toBe(
      '今キャンセルすると50%・5,500円（税込）のキャンセル料がかかります。返金額は5,500円（税込）です。',
    );
    expect(describeCancellationNow(terms(before(30 * H), 11_001))).toBe(
      '今キャンセルすると50%・5,500円（税込）のキャンセル料がかかります。返金額は5,501円（税込）です。',
    );
    expect(describeCancellationNow(terms(before(H)))).toBe(
      '今キャンセルすると100%・11,000円（税込）のキャンセル料がかかります。返金はありません。',
    );
    expect(describeCancellationNow(terms(before(-H)))).toBe(
      '開始時刻を過ぎているため、キャンセル料は100%・11,000円（税込）です。返金はありません。',
    );
  });
});
