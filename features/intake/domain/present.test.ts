import { describe, expect, it } from 'vitest';
import { composeIntake } from './definitions';
import { presentAnswers } from './present';

describe('answers in words', () => {
  const { sections } = composeIntake('unrequited-love');

  it('names each choice by its label, each scale by its ends, and says what was left open', () => {
    const lines = presentAnswers(sections, {
      ur_who_contacts: 'mostly_me',
      ur_depth: '2',
      ur_strain_signs: ['phone', 'sns'],
      g_goal: '話したいこと',
    }).flatMap((s) => s.lines);
    const text = (id: string) => lines.find((l) => l.id === id)!.text;
    expect(text('ur_who_contacts')).toBe('ほとんど自分から');
    expect(text('ur_depth')).toBe('2（1：雑談だけ 〜 5：気持ちや将来の話もする）');
    expect(text('ur_strain_signs')).toBe(
      '返信が来ていないか、何度もスマホを確認してしまう、相手のSNSを頻繁に見て落ち込む',
    );
    expect(text('g_goal')).toBe('話したいこと');
    expect(text('ur_note')).toBeNull();
  });

  it('keeps an answer to a question a later version no longer asks, instead of losing it', () => {
    const shown = presentAnswers(sections, { ur_retired_question: '以前の答え', g_goal: 'x' });
    expect(shown.at(-1)).toEqual({
      title: 'その他の回答',
      lines: [{ id: 'ur_retired_question', label: 'ur_retired_question', text: '以前の答え' }],
    });
  });
});
