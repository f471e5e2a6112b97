import type { IntakeState } from '@/features/agenda/domain/agenda';

const labels: Record<IntakeState, string> = {
  none: '未回答',
  draft: '回答途中',
  submitted: '回答済み',
  flagged: '要確認',
};

/** The questionnaire's state beside a session: 未回答 / 回答途中 / 回答済み / 要確認. */
export function IntakeBadge({ state }: { state: IntakeState }) {
  return <span className={`intake-badge intake-badge--${state}`}>事前アンケート：{labels[state]}</span>;
}
