import { z } from 'zod';
import { messages } from '@/lib/messages';
import { type Question, type Section, scaleValues } from './types';

/**
 * One zod schema per questionnaire, derived from its definition: the react-hook-form resolver
 * uses it in the browser and the server action parses with it again. `draft` drops
 * required-ness (a draft is saved as it is typed) but keeps every other rule.
 */
export type SchemaMode = 'submit' | 'draft';

const m = messages.intake.validation;

function choice(values: readonly string[], required: boolean) {
  const error = (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null ? m.choose : m.invalidChoice;
  const schema = z.enum(values as [string, ...string[]], { error });
  return required ? schema : schema.nullish();
}

function questionSchema(q: Question, mode: SchemaMode): z.ZodType {
  const required = mode === 'submit' && q.required === true;
  switch (q.kind) {
    case 'single':
      return choice(
        q.options.map((o) => o.value),
        required,
      );
    case 'scale':
      return choice(scaleValues, required);
    case 'multiple': {
      const values = q.options.map((o) => o.value) as [string, ...string[]];
      let list = z
        .array(z.enum(values, { error: m.invalidChoice }), { error: m.invalidChoice })
        .refine((a) => new Set(a).size === a.length, m.invalidChoice);
      if (required) list = list.refine((a) => a.length > 0, m.chooseSome);
      // An untouched group of checkboxes is `false` in react-hook-form: nothing chosen.
      return z.preprocess((v) => (v === false || v === undefined || v === null ? [] : v), list);
    }
    case 'short':
    case 'long': {
      const text = z
        .string({ error: (issue) => (issue.input === undefined || issue.input === null ? m.required : m.invalidText) })
        .trim()
        .max(q.maxLength, m.tooLong(q.maxLength));
      return required ? text.min(1, m.required) : text.optional();
    }
  }
}

export function answersSchema(sections: readonly Section[], mode: SchemaMode = 'submit') {
  const shape: Record<string, z.ZodType> = {};
  for (const section of sections) for (const q of section.questions) shape[q.id] = questionSchema(q, mode);
  return z.object(shape);
}

export function questionsOf(sections: readonly Section[]): Question[] {
  return sections.flatMap((s) => s.questions);
}

/** The blank answers a new form starts from (checkbox groups as empty lists). */
export function emptyAnswers(sections: readonly Section[]): Record<string, string | string[] | null> {
  return Object.fromEntries(
    questionsOf(sections).map((q) => [
      q.id,
      q.kind === 'multiple' ? [] : q.kind === 'short' || q.kind === 'long' ? '' : null,
    ]),
  );
}
