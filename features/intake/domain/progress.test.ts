import { describe, expect, it } from 'vitest';
import { composeIntake } from './definitions';
import { intakeProgress, isAnswered } from './progress';
import type { Section } from './types';

const sections: Section[] = [
  {
    id: 'goals',
    title: 'ご相談の内容',
    questions: [
      { id: 'goal', kind: 'long', label: '話したいこと', maxLength: 100, required: true },
      { id: 'mood', kind: 'scale', label: 'つらさ', minLabel: '軽い', maxLabel: '重い' },
      {
        id: 'did',
        kind: 'multiple',
        label: 'したこと',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
    ],
  },
  {
    id: 'safety',
    title: '安全について',
    questions: [{ id: 'safe', kind: 'single', label: '安全', options: [{ value: 'no', label: 'なかった' }] }],
  },
];

describe('intakeProgress', () => {
  it('counts answered questions per section and overall, in the order asked', () => {
    expect(intakeProgress(sections, { goal: '話したい', mood: '4', did: [], safe: '' })).toEqual({
      sections: [
        { id: 'goals', title: 'ご相談の内容', answered: 2, total: 3 },
        { id: 'safety', title: '安全について', answered: 0, total: 1 },
      ],
      answered: 2,
      total: 4,
    });
  });

  it('does not count spaces, an empty list or a missing answer; counts a ticked box', () => {
    expect(isAnswered('   ')).toBe(false);
    expect(isAnswered('　')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(['a'])).toBe(true);
    expect(isAnswered('1')).toBe(true);
  });

  it('covers every question of a composed questionnaire, none twice', () => {
    const { sections: composed } = composeIntake('abandonment-anxiety');
    const all = composed.flatMap((s) => s.questions.map((q) => q.id));
    const progress = intakeProgress(composed, {});
    expect(progress.total).toBe(all.length);
    expect(new Set(all).size).toBe(all.length);
    expect(progress.answered).toBe(0);
    expect(progress.sections.map((s) => s.id)).toEqual(composed.map((s) => s.id));
  });
});
