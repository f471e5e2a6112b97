import { describe, expect, it } from 'vitest';
import { composeIntake, currentDefinition, definitionVersions, findDefinition } from './definitions';
import { isSafetyFlagged, reflectionFor } from './reflection';
import { questionsOf } from './schema';
import { scoreDefinition } from './scoring';

const unrequited = currentDefinition('unrequited-love');

describe('definitions', () => {
  it('give every question a unique id within any composed intake, and every dimension a question that speaks to it', () => {
    for (const theme of [null, 'unrequited-love', 'abandonment-anxiety', 'trust-and-defense'] as const) {
      const { sections, parts } = composeIntake(theme);
      const ids = questionsOf(sections).map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const def of parts) {
        for (const d of def.dimensions) {
          const speaks = questionsOf(def.sections).some(
            (q) =>
              (q.kind === 'scale' && q.dimension === d.id) ||
              ((q.kind === 'single' || q.kind === 'multiple') &&
                q.options.some((o) => o.weights?.[d.id] !== undefined)),
          );
          expect(speaks, `${def.id}.${d.id}`).toBe(true);
        }
      }
    }
  });

  it('keep old versions findable, so a stored response reads under the questions it was answered with', () => {
    for (const def of definitionVersions) expect(findDefinition(def.id, def.version)).toBe(def);
    expect(findDefinition('unrequited-love', 999)).toBeUndefined();
    expect(composeIntake('abandonment-anxiety', { general: 1, themeVersion: 1 }).versions).toEqual({
      general: 1,
      theme: 'abandonment-anxiety',
      themeVersion: 1,
    });
  });

  it('put the safety question last and the client’s own words first', () => {
    const { sections } = composeIntake('trust-and-defense');
    expect(sections[0]!.questions[0]!.id).toBe('g_goal');
    expect(sections.at(-1)!.questions.at(-1)!.id).toBe('g_safety');
  });
});

describe('scoring', () => {
  it('turns a one-sided pattern into a high “one-sided” dimension and a reciprocal one into a low one', () => {
    const oneSided = scoreDefinition(unrequited, {
      ur_who_contacts: 'mostly_me',
      ur_plans: 'vague',
      ur_questions: 'rarely',
      ur_depth: '1',
    });
    const mutual = scoreDefinition(unrequited, {
      ur_who_contacts: 'mostly_them',
      ur_plans: 'concrete',
      ur_questions: 'often',
      ur_depth: '5',
    });
    expect(oneSided.find((d) => d.id === 'one_sided')).toMatchObject({ value: 1, level: 'high', answered: 4 });
    expect(mutual.find((d) => d.id === 'one_sided')).toMatchObject({ value: 0, level: 'low', answered: 4 });
  });

  it('counts the checked signs of strain as a share of all of them, with the scale beside it', () => {
    const strain = scoreDefinition(unrequited, { ur_strain_signs: ['phone', 'sns'], ur_anxiety: '3' }).find(
      (d) => d.id === 'strain',
    )!;
    // (2 of 4 signs = 0.5, scale 3 = 0.5) → 0.5
    expect(strain.value).toBeCloseTo(0.5);
    expect(strain.level).toBe('middle');
  });

  it('leaves a dimension nobody answered empty instead of calling it low', () => {
    const readiness = scoreDefinition(unrequited, {}).find((d) => d.id === 'readiness')!;
    expect(readiness).toMatchObject({ value: null, level: null, answered: 0 });
  });
});

describe('reflection', () => {
  const { parts } = composeIntake('unrequited-love');

  it('reflects what stands out most in gentle words, different for different answers', () => {
    const strained = reflectionFor(parts, { ur_strain_signs: ['phone', 'sns', 'focus', 'mood'], ur_anxiety: '5' });
    const deciding = reflectionFor(parts, { ur_wish: 'decide' });
    expect(strained.join('')).toContain('心を少しずつすり減らしている');
    expect(deciding.join('')).toContain('自分で選びたいという気持ち');
    expect(strained).not.toEqual(deciding);
  });

  it('never shows a number, a level or a diagnosis', () => {
    const texts = [
      reflectionFor(parts, { ur_who_contacts: 'mostly_me', ur_plans: 'vague', g_distress: '5', ur_anxiety: '5' }),
      reflectionFor(parts, {}),
    ]
      .flat()
      .join('\n');
    expect(texts).not.toMatch(/[0-9０-９]|点|スコア|高め|低め|診断|障害|依存症|傾向があります/);
    expect(
      reflectionFor(parts, { ur_who_contacts: 'mostly_me', ur_plans: 'vague', g_distress: '5', ur_anxiety: '5' })
        .length,
    ).toBeLessThanOrEqual(2);
  });

  it('says something kind when nothing stands out', () => {
    expect(reflectionFor(parts, { ur_who_contacts: 'mostly_them', ur_wish: 'continue' })).toEqual([
      expect.stringContaining('ありがとうございます'),
    ]);
  });
});

describe('the safety question', () => {
  it('flags “sometimes” and “often”, not “no” or no answer', () => {
    expect(isSafetyFlagged({ g_safety: 'sometimes' })).toBe(true);
    expect(isSafetyFlagged({ g_safety: 'often' })).toBe(true);
    expect(isSafetyFlagged({ g_safety: 'no' })).toBe(false);
    expect(isSafetyFlagged({})).toBe(false);
  });
});
