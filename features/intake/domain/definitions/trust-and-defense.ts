import type { Definition } from '../types';

/** 心を許してくれない相手: the partner's distance, one's own fears, trying harder, a calm but lonely relationship. */
export const trustAndDefenseV1: Definition = {
  id: 'trust-and-defense',
  version: 1,
  theme: 'trust-and-defense',
  title: '心を許してくれない相手についての質問',
  sections: [
    {
      id: 'td-partner',
      title: '相手のようす',
      questions: [
        {
          id: 'td_relationship',
          kind: 'single',
          label: 'お相手とのご関係を教えてください',
          required: true,
          options: [
            { value: 'dating', label: '交際中' },
            { value: 'married', label: '夫婦' },
            { value: 'other', label: 'その他' },
          ],
        },
        {
          id: 'td_partner_signs',
          kind: 'multiple',
          label: 'お相手について、当てはまるものをすべて選んでください',
          selfCheck: true,
          options: [
            { value: 'feelings', label: '気持ちを打ち明けてくれない', weights: { distance: 1 } },
            { value: 'weakness', label: '弱音を見せてくれない', weights: { distance: 1 } },
            { value: 'formal', label: 'どこか他人行儀な距離を感じる', weights: { distance: 1 } },
            { value: 'withdraws', label: 'こちらが近づくと、連絡や会話が減る', weights: { distance: 1 } },
          ],
        },
      ],
    },
    {
      id: 'td-self',
      title: 'あなたの気持ち',
      questions: [
        {
          id: 'td_not_needed',
          kind: 'scale',
          label: '「自分は必要とされていないのでは」と感じることがありますか',
          minLabel: 'ほとんどない',
          maxLabel: 'よくある',
          dimension: 'own_fear',
          required: true,
          selfCheck: true,
        },
        {
          id: 'td_too_heavy',
          kind: 'scale',
          label: '「重いと思われたらどうしよう」と、気持ちを抑えることがありますか',
          minLabel: 'ほとんどない',
          maxLabel: 'よくある',
          dimension: 'own_fear',
          required: true,
          selfCheck: true,
        },
        {
          id: 'td_try_harder',
          kind: 'scale',
          label: '関係を変えるために、自分がもっと頑張らなければと感じますか',
          minLabel: 'あまり感じない',
          maxLabel: 'とても感じる',
          dimension: 'compensating',
          required: true,
          selfCheck: true,
        },
        {
          id: 'td_calm_lonely',
          kind: 'scale',
          label: 'ケンカは少なく穏やかなのに、一緒にいても寂しいと感じることがありますか',
          minLabel: 'ほとんどない',
          maxLabel: 'よくある',
          dimension: 'loneliness',
          required: true,
          selfCheck: true,
        },
      ],
    },
    {
      id: 'td-hope',
      title: 'これからのこと',
      questions: [
        {
          id: 'td_hope',
          kind: 'single',
          label: 'この関係に、いちばん望むことは何ですか',
          required: true,
          options: [
            { value: 'open_up', label: '相手にもっと心を開いてほしい' },
            { value: 'understand', label: '相手の気持ちを理解したい' },
            { value: 'own_anxiety', label: '自分の不安を整理したい' },
            { value: 'decide', label: 'この関係を続けるか考えたい' },
          ],
        },
        {
          id: 'td_note',
          kind: 'long',
          label: 'お相手とのことで、とくに聞いてほしいことがあれば（任意）',
          maxLength: 1000,
        },
      ],
    },
  ],
  dimensions: [
    {
      id: 'distance',
      label: '相手の心の距離',
      reflection:
        '相手がなかなか心を見せてくれないと、「私じゃダメなのかな」と感じてしまいますよね。その距離は、あなたの思いが足りないからではなく、相手の「必要とされたいけれど怖い」という気持ちの表れかもしれません。',
    },
    {
      id: 'own_fear',
      label: '必要とされない怖れ',
      reflection:
        '「必要とされたい」「重いと思われたくない」という気持ちを、ひとりで抱えてきたのですね。その気持ちを否定せず、静かに見つめることが、関係を育てる第一歩になります。',
    },
    {
      id: 'compensating',
      label: '頑張りで埋める傾向',
      reflection:
        '関係を良くしようと、あなたが多くを担ってきたようです。押すよりも理解で支える関わり方があることを、セッションで一緒に考えていけます。',
    },
    {
      id: 'loneliness',
      label: '穏やかな寂しさ',
      reflection:
        '穏やかだけれど寂しい、という感覚は、お互いが怖れを抱えながらも近づこうとしているサインかもしれません。',
    },
  ],
};
