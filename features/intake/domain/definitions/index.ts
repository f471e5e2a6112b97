import type { ThemeId } from '@/features/library/themes';
import type { Definition, Section } from '../types';
import { abandonmentAnxietyV1 } from './abandonment-anxiety';
import { generalV1 } from './general';
import { trustAndDefenseV1 } from './trust-and-defense';
import { unrequitedLoveV1 } from './unrequited-love';

export { safetyPositiveValues, safetyQuestionId } from './general';

/**
 * Every published version of every definition. An edit is a new version added here; old
 * versions stay, so a response answered under one is always read with the questions it had.
 */
export const definitionVersions: readonly Definition[] = [
  generalV1,
  unrequitedLoveV1,
  abandonmentAnxietyV1,
  trustAndDefenseV1,
];

export type DefinitionId = Definition['id'];

export function findDefinition(id: string, version?: number): Definition | undefined {
  const matching = definitionVersions.filter((d) => d.id === id);
  if (version === undefined)
    return matching.reduce<Definition | undefined>((a, d) => (!a || d.version > a.version ? d : a), undefined);
  return matching.find((d) => d.version === version);
}

export function currentDefinition(id: DefinitionId): Definition {
  return findDefinition(id)!;
}

/** The definitions and versions a response was answered under. */
export type IntakeVersions = { general: number; theme: ThemeId | null; themeVersion: number | null };

export type ComposedIntake = { versions: IntakeVersions; parts: Definition[]; sections: Section[] };

/**
 * The questionnaire a client fills in before a session: the general intake's first section
 * (what they want to talk about), the theme's sections, then the rest of the general intake
 * (history, and the safety question last).
 */
export function composeIntake(theme: ThemeId | null, versions?: Partial<IntakeVersions>): ComposedIntake {
  const general = findDefinition('general', versions?.general) ?? currentDefinition('general');
  const themed = theme
    ? (findDefinition(theme, versions?.themeVersion ?? undefined) ?? currentDefinition(theme))
    : undefined;
  const [first, ...rest] = general.sections;
  return {
    versions: { general: general.version, theme: themed ? theme : null, themeVersion: themed?.version ?? null },
    parts: themed ? [general, themed] : [general],
    sections: [first!, ...(themed?.sections ?? []), ...rest],
  };
}

/** The short, anonymous form of a theme's definition used by the public self-check. */
export function selfCheckDefinition(theme: ThemeId): Definition {
  const def = currentDefinition(theme);
  return {
    ...def,
    sections: def.sections
      .map((s) => ({ ...s, questions: s.questions.filter((q) => q.selfCheck) }))
      .filter((s) => s.questions.length > 0),
  };
}
