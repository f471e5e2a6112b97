import type { Definition } from '../types';

/** Asked with every theme: goals, how to address the client, history, and the safety question. */
export const generalV1: Definition = {
  id: 'general',
  version: 1,
  theme: null,
  title: '事前アンケート（共通）',
  sections: [
    {
      id: 'general-session',
      title: 'ご相談について',
      questions: [
        {
          id: 'g_goal',
          kind: 'long',
          label: 'このセッションで話したいこと、整理したいことを教えてください',
          description: '箇条書きでも、まとまっていなくてもかまいません。',
          required: true,
          maxLength: 2000,
        },
        {
          id: 'g_distress',
          kind: 'scale',
          label: 'いまの気持ちのつらさは、どのくらいですか',
          minLabel: 'ほとんどつらくない',
          maxLabel: 'とてもつらい',
          dimension: 'distress',
          required: true,
        },
        {
          id: 'g_call_name',
          kind: 'short',
          label: 'セッション中、どのようにお呼びすればよいですか',
          description: '例：はなこさん、山田さん',
          maxLength: 30,
        },
      ],
    },
    {
      id: 'general-history',
      title: 'これまでのご相談と通院',
      questions: [
        {
          id: 'g_prior_counseling',
          kind: 'single',
          label: 'これまでにカウンセリングを受けたことはありますか',
          required: true,
          options: [
            { value: 'none', label: 'ない' },
            { value: 'past', label: '以前に受けたことがある' },
            { value: 'current', label: '現在ほかでも受けている' },
          ],
        },
        {
          id: 'g_medical',
          kind: 'single',
          label: '現在、心療内科や精神科などに通院、または服薬をしていますか',
          required: true,
          options: [
            { value: 'no', label: 'していない' },
            { value: 'yes', label: 'している' },
            { value: 'past', label: '以前していた' },
            { value: 'prefer_not', label: '答えたくない' },
          ],
        },
        { id: 'g_medical_note', kind: 'short', label: '通院や服薬について補足があれば（任意）', maxLength: 200 },
      ],
    },
    {
      id: 'general-safety',
      title: 'いまの心の状態',
      description: '安全にセッションを準備するための質問です。正直にお答えください。',
      questions: [
        {
          id: 'g_safety',
          kind: 'single',
          label:
            'この2週間のあいだに、死にたい、消えてしまいたいと思ったり、自分を傷つけたいと思ったりしたことはありましたか',
          required: true,
          options: [
            { value: 'no', label: 'なかった' },
            { value: 'sometimes', label: 'ときどきあった' },
            { value: 'often', label: 'よくあった' },
          ],
        },
      ],
    },
  ],
  dimensions: [
    {
      id: 'distress',
      label: 'いまのつらさ',
      reflection:
        'いま、気持ちのつらさが大きい中で、ここまで言葉にしてくださったのですね。セッションでは、無理のない範囲でゆっくりお話しください。',
    },
  ],
};

/** The answers to the safety question that show the crisis lines and flag the intake. */
export const safetyQuestionId = 'g_safety';
export const safetyPositiveValues: readonly string[] = ['sometimes', 'often'];
