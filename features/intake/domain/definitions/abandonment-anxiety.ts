import type { Definition } from '../types';

/** 縋る恋愛・見捨てられ不安: loss, urges to reach out, a support network, naming feelings, love vs. dependence. */
export const abandonmentAnxietyV1: Definition = {
  id: 'abandonment-anxiety',
  version: 1,
  theme: 'abandonment-anxiety',
  title: '縋る恋愛・見捨てられ不安についての質問',
  sections: [
    {
      id: 'aa-events',
      title: '最近のできごと',
      questions: [
        {
          id: 'aa_loss',
          kind: 'single',
          label: '最近、失恋や別れ、拒絶されたと感じるできごとがありましたか',
          required: true,
          selfCheck: true,
          options: [
            { value: 'within_month', label: 'この1か月以内にあった', weights: { fear: 1 } },
            { value: 'within_half_year', label: '半年以内にあった', weights: { fear: 0.6 } },
            { value: 'earlier', label: 'それより前にあった', weights: { fear: 0.3 } },
            { value: 'none', label: 'とくにない', weights: { fear: 0 } },
          ],
        },
        {
          id: 'aa_fear',
          kind: 'scale',
          label: '「見捨てられるのでは」「自分にはもう価値がないのでは」と感じることがありますか',
          minLabel: 'ほとんどない',
          maxLabel: 'とても強く感じる',
          dimension: 'fear',
          required: true,
          selfCheck: true,
        },
      ],
    },
    {
      id: 'aa-contact',
      title: '連絡したい気持ち',
      questions: [
        {
          id: 'aa_urge',
          kind: 'scale',
          label: '相手に連絡したい衝動は、どのくらい強いですか',
          minLabel: 'ほとんどない',
          maxLabel: '抑えられないほど強い',
          dimension: 'urge',
          required: true,
          selfCheck: true,
        },
        {
          id: 'aa_acts',
          kind: 'multiple',
          label: 'この1か月で、したことをすべて選んでください',
          selfCheck: true,
          options: [
            { value: 'repeat', label: '返事がないのに、続けてメッセージを送った', weights: { urge: 1 } },
            { value: 'apology', label: '謝るメッセージを何度も送った', weights: { urge: 1 } },
            { value: 'check', label: '相手のSNSや近況を何度も確かめた', weights: { urge: 1 } },
            { value: 'regret', label: '連絡したあとで強く後悔した', weights: { urge: 1 } },
          ],
        },
      ],
    },
    {
      id: 'aa-support',
      title: '心の支え',
      questions: [
        {
          id: 'aa_confidants',
          kind: 'single',
          label: '気持ちを打ち明けられる人はいますか',
          required: true,
          selfCheck: true,
          options: [
            { value: 'several', label: '何人かいる', weights: { isolation: 0 } },
            { value: 'one', label: '一人いる', weights: { isolation: 0.4 } },
            { value: 'cannot_tell', label: 'いるけれど、話せない', weights: { isolation: 0.7 } },
            { value: 'none', label: 'いない', weights: { isolation: 1 } },
          ],
        },
        {
          id: 'aa_naming',
          kind: 'scale',
          label: '「いま自分はどんな気持ちなんだろう」と、気持ちを言葉にしてみることはありますか',
          minLabel: 'ほとんどない',
          maxLabel: 'よくある',
          dimension: 'unnamed',
          reverse: true,
          selfCheck: true,
        },
        {
          id: 'aa_love_or_need',
          kind: 'single',
          label: 'いまの相手への気持ちに近いのはどれですか',
          required: true,
          selfCheck: true,
          options: [
            { value: 'respect', label: '相手の選択を尊重したい', weights: { fear: 0 } },
            { value: 'both', label: 'どちらの気持ちもある', weights: { fear: 0.5 } },
            { value: 'need', label: '相手がいないと、自分を保てない気がする', weights: { fear: 1 } },
          ],
        },
        { id: 'aa_note', kind: 'long', label: 'いま、いちばんつらいと感じていることがあれば（任意）', maxLength: 1000 },
      ],
    },
  ],
  dimensions: [
    {
      id: 'fear',
      label: '見捨てられ不安',
      reflection:
        '大切な人を失うかもしれないという怖さが、いま心の多くを占めているようです。それは心が弱いからではなく、誰かを大切に思っていた証でもあります。',
    },
    {
      id: 'urge',
      label: '連絡への衝動',
      reflection:
        '連絡したい気持ちが強いとき、その奥には「安心したい」という願いがあることが多いものです。送る前に一度、自分の気持ちに目を向けてみてください。',
    },
    {
      id: 'isolation',
      label: '支えの少なさ',
      reflection:
        '気持ちを打ち明けられる場所が、いまは少ないのかもしれません。挨拶や「ありがとう」のような小さなやりとりから、安心できるつながりは少しずつ育っていきます。',
    },
    {
      id: 'unnamed',
      label: '気持ちを言葉にする習慣の少なさ',
      reflection:
        '気持ちが大きく揺れるときほど、「いま、どんな気持ち？」「本当はどうしてほしかった？」と自分に問いかけてみることが、心を整える助けになります。',
    },
  ],
};
