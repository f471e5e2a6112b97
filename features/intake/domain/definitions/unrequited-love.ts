import type { Definition } from '../types';

/** 片思い・進展しない関係: from the article's 脈あり/脈なし table and the signs of strain. */
export const unrequitedLoveV1: Definition = {
  id: 'unrequited-love',
  version: 1,
  theme: 'unrequited-love',
  title: '片思い・進展しない関係についての質問',
  sections: [
    {
      id: 'ur-contact',
      title: '相手とのやりとり',
      questions: [
        {
          id: 'ur_who_contacts',
          kind: 'single',
          label: '連絡は、どちらから始まることが多いですか',
          required: true,
          selfCheck: true,
          options: [
            { value: 'mostly_me', label: 'ほとんど自分から', weights: { one_sided: 1 } },
            { value: 'more_me', label: '自分からのほうが多い', weights: { one_sided: 0.7 } },
            { value: 'even', label: '同じくらい', weights: { one_sided: 0.3 } },
            { value: 'mostly_them', label: '相手からのほうが多い', weights: { one_sided: 0 } },
          ],
        },
        {
          id: 'ur_frequency',
          kind: 'single',
          label: 'どのくらいの頻度でやりとりしていますか',
          required: true,
          options: [
            { value: 'daily', label: 'ほぼ毎日' },
            { value: 'weekly', label: '週に数回' },
            { value: 'monthly', label: '月に数回' },
            { value: 'rare', label: 'ほとんどない' },
          ],
        },
        {
          id: 'ur_plans',
          kind: 'single',
          label: '会う約束をしようとしたとき、相手の返事はどうですか',
          required: true,
          selfCheck: true,
          options: [
            { value: 'concrete', label: '具体的な日程を出してくれる', weights: { one_sided: 0 } },
            { value: 'sometimes', label: 'ときどき具体的になる', weights: { one_sided: 0.5 } },
            { value: 'vague', label: '「また今度」など曖昧な返事が多い', weights: { one_sided: 1 } },
            { value: 'never', label: '会う話になったことがない', weights: { one_sided: 0.8 } },
          ],
        },
        {
          id: 'ur_questions',
          kind: 'single',
          label: '会話の中で、相手から質問が返ってきますか',
          required: true,
          selfCheck: true,
          options: [
            { value: 'often', label: 'よく返ってくる', weights: { one_sided: 0 } },
            { value: 'sometimes', label: 'ときどき返ってくる', weights: { one_sided: 0.5 } },
            { value: 'rarely', label: '一言の返信で終わることが多い', weights: { one_sided: 1 } },
          ],
        },
        {
          id: 'ur_depth',
          kind: 'scale',
          label: '会話は、どのくらい深い話になりますか',
          minLabel: '雑談だけ',
          maxLabel: '気持ちや将来の話もする',
          dimension: 'one_sided',
          reverse: true,
          selfCheck: true,
        },
      ],
    },
    {
      id: 'ur-self',
      title: 'あなたの心の状態',
      questions: [
        {
          id: 'ur_strain_signs',
          kind: 'multiple',
          label: '最近の自分に当てはまるものを、すべて選んでください',
          selfCheck: true,
          options: [
            { value: 'phone', label: '返信が来ていないか、何度もスマホを確認してしまう', weights: { strain: 1 } },
            { value: 'sns', label: '相手のSNSを頻繁に見て落ち込む', weights: { strain: 1 } },
            { value: 'focus', label: '恋愛以外のことが手につかない', weights: { strain: 1 } },
            { value: 'mood', label: '相手の反応で一日の気分が決まる', weights: { strain: 1 } },
          ],
        },
        {
          id: 'ur_anxiety',
          kind: 'scale',
          label: 'この恋で、安心より不安を感じることが多いですか',
          minLabel: '安心のほうが多い',
          maxLabel: '不安のほうが多い',
          dimension: 'strain',
          required: true,
          selfCheck: true,
        },
        {
          id: 'ur_duration',
          kind: 'single',
          label: 'いまの状態は、どのくらい続いていますか',
          required: true,
          options: [
            { value: 'lt3m', label: '3か月未満' },
            { value: '3to6m', label: '3か月から半年' },
            { value: '6to12m', label: '半年から1年' },
            { value: 'gt1y', label: '1年以上' },
          ],
        },
      ],
    },
    {
      id: 'ur-wish',
      title: 'これからのこと',
      questions: [
        {
          id: 'ur_wish',
          kind: 'single',
          label: 'いま、この関係をどうしたいと感じていますか',
          required: true,
          selfCheck: true,
          options: [
            { value: 'continue', label: 'このまま続けたい', weights: { readiness: 0 } },
            { value: 'step_back', label: '少し距離を置いてみたい', weights: { readiness: 0.7 } },
            { value: 'decide', label: '続けるか離れるか、はっきり決めたい', weights: { readiness: 1 } },
            { value: 'unsure', label: 'まだわからない', weights: { readiness: 0.4 } },
          ],
        },
        {
          id: 'ur_note',
          kind: 'long',
          label: '相手とのことで、とくに聞いてほしいことがあれば（任意）',
          maxLength: 1000,
        },
      ],
    },
  ],
  dimensions: [
    {
      id: 'one_sided',
      label: 'やりとりの一方向さ',
      reflection:
        '連絡や約束が、あなたの側からの働きかけで支えられている場面が多いようです。相手の言葉より「続いている行動」に目を向けてみると、見え方が少し変わるかもしれません。',
    },
    {
      id: 'strain',
      label: '心の消耗',
      reflection:
        '相手の反応を待つ時間が、心を少しずつすり減らしているのかもしれません。まずは、ここまで頑張ってきた自分をいたわる時間を持ってみてください。',
    },
    {
      id: 'readiness',
      label: '区切りへの気持ち',
      reflection:
        'この関係のこれからを、自分で選びたいという気持ちが育っているようです。距離を置くことは諦めではなく、現実を知り、自分を大切にするための選択肢のひとつです。',
    },
  ],
};
