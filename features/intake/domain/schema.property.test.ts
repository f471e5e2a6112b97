import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intakeThemeChoices, submitIntakeSchema, themeOfChoice } from '../schemas';
import { composeIntake, selfCheckDefinition } from './definitions';
import { answersSchema, questionsOf } from './schema';
import { type Question, scaleValues, type Section } from './types';

const japanese = fc.constantFrom(...'あいうえおかきくけこ気持ち連絡相手不安安心ＡＢ１２ 　abc'.split(''));
const text = (max: number) => fc.string({ unit: japanese, maxLength: max });

/** A valid answer to one question, as the form would send it. */
function validAnswer(q: Question): fc.Arbitrary<unknown> {
  switch (q.kind) {
    case 'single':
    case 'scale': {
      const values = q.kind === 'scale' ? [...scaleValues] : q.options.map((o) => o.value);
      return q.required ? fc.constantFrom(...values) : fc.option(fc.constantFrom(...values), { nil: null });
    }
    case 'multiple':
      return fc.subarray(
        q.options.map((o) => o.value),
        { minLength: q.required ? 1 : 0 },
      );
    case 'short':
    case 'long':
      return q.required ? text(q.maxLength).filter((s) => s.trim().length > 0) : text(q.maxLength);
  }
}

function validAnswers(sections: readonly Section[]) {
  return fc.record(Object.fromEntries(questionsOf(sections).map((q) => [q.id, validAnswer(q)])));
}

/** An answer to `q` that its schema must refuse. */
function invalidAnswer(q: Question): fc.Arbitrary<unknown> {
  const wrongType = fc.constantFrom<unknown>(42, { value: 'x' }, true);
  switch (q.kind) {
    case 'single':
    case 'scale': {
      const values: string[] = q.kind === 'scale' ? [...scaleValues] : q.options.map((o) => o.value);
      const outside = fc.oneof(
        fc.string().filter((s) => !values.includes(s)),
        fc.constantFrom('0', '6', '3.5'),
      );
      return q.required ? fc.oneof(outside, wrongType, fc.constant(null)) : fc.oneof(outside, wrongType);
    }
    case 'multiple': {
      const values = q.options.map((o) => o.value);
      const unknown = fc.string().filter((s) => !values.includes(s));
      return fc.oneof(
        fc.tuple(fc.subarray(values), unknown).map(([chosen, bad]) => [...chosen, bad]),
        fc.constantFrom(...values).map((v) => [v, v]),
        fc.constant('phone'),
        ...(q.required ? [fc.constant([])] : []),
      );
    }
    case 'short':
    case 'long': {
      const tooLong = fc.integer({ min: 1, max: 40 }).map((extra) => 'あ'.repeat(q.maxLength + extra));
      return q.required
        ? fc.oneof(tooLong, fc.constantFrom('', '   ', '　\n'), wrongType)
        : fc.oneof(tooLong, wrongType);
    }
  }
}

const forms = intakeThemeChoices.map((choice) => ({ choice, sections: composeIntake(themeOfChoice(choice)).sections }));

describe('answers generated from a definition', () => {
  it.each(forms)('pass the schema derived from it ($choice)', ({ sections }) => {
    const schema = answersSchema(sections);
    fc.assert(
      fc.property(validAnswers(sections), (answers) => {
        const result = schema.safeParse(answers);
        expect(result.error?.issues).toBeUndefined();
      }),
    );
  });

  it.each(forms)('pass the action input schema with their theme ($choice)', ({ choice, sections }) => {
    fc.assert(
      fc.property(validAnswers(sections), fc.uuid(), (answers, bookingId) => {
        expect(submitIntakeSchema.safeParse({ bookingId, theme: choice, answers }).success).toBe(true);
      }),
    );
  });

  it('pass the self-check schema of each theme', () => {
    for (const choice of intakeThemeChoices) {
      const theme = themeOfChoice(choice);
      if (!theme) continue;
      const { sections } = selfCheckDefinition(theme);
      fc.assert(fc.property(validAnswers(sections), (answers) => answersSchema(sections).safeParse(answers).success));
    }
  });
});

describe('mutated answers', () => {
  it.each(forms)('are rejected on exactly the mutated question ($choice)', ({ choice, sections }) => {
    const questions = questionsOf(sections);
    const mutated = fc
      .tuple(validAnswers(sections), fc.constantFrom(...questions))
      .chain(([answers, q]) => invalidAnswer(q).map((bad) => ({ answers: { ...answers, [q.id]: bad }, q })));
    fc.assert(
      fc.property(mutated, fc.uuid(), ({ answers, q }, bookingId) => {
        const result = submitIntakeSchema.safeParse({ bookingId, theme: choice, answers });
        expect(result.success).toBe(false);
        const paths = new Set(result.error!.issues.map((i) => i.path.slice(0, 2).join('.')));
        expect([...paths]).toEqual([`answers.${q.id}`]);
      }),
    );
  });

  it('a required question left out is reported on its own path, with a Japanese message', () => {
    const { sections } = composeIntake('unrequited-love');
    const result = answersSchema(sections).safeParse({});
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath.g_goal).toBe('入力してください');
    expect(byPath.ur_who_contacts).toBe('いずれかを選んでください');
    expect(byPath.g_safety).toBe('いずれかを選んでください');
    expect(byPath.ur_note).toBeUndefined();
  });

  it('a draft may leave anything out but still refuses what no answer could be', () => {
    const { sections } = composeIntake('trust-and-defense');
    const draft = answersSchema(sections, 'draft');
    expect(draft.safeParse({ g_goal: '' }).success).toBe(true);
    const bad = draft.safeParse({ td_not_needed: '9', g_goal: 'あ'.repeat(2001) });
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['g_goal', '2000文字以内で入力してください'],
      ['td_not_needed', '選択肢の中から選んでください'],
    ]);
  });
});
