/**
 * The themes the practice writes about. Articles carry theme ids; booking and the intake
 * questionnaires (one per theme) use the same ids.
 */
export const themes = [
  {
    id: 'unrequited-love',
    label: '片思い・進展しない関係',
    description: '連絡は続くのに進まない関係、脈あり・脈なしの見極め、距離を置くという選択。',
  },
  {
    id: 'abandonment-anxiety',
    label: '縋る恋愛・見捨てられ不安',
    description: '失恋のあとに縋ってしまう心理、心の支え、信頼の練習、愛と依存の違い。',
  },
  {
    id: 'trust-and-defense',
    label: '心を許してくれない相手・信頼と防衛',
    description: '必要とされたいけれど怖い、お互いの不安、押すより理解で支える関わり方。',
  },
] as const;

export type Theme = (typeof themes)[number];
export type ThemeId = Theme['id'];

export const themeIds = themes.map((t) => t.id) as [ThemeId, ...ThemeId[]];

export function findTheme(id: string | undefined | null): Theme | undefined {
  return themes.find((t) => t.id === id);
}
