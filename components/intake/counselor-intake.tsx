import { safetyQuestionId } from '@/features/intake/domain/definitions';
import { dimensionLevelLabel } from '@/features/intake/domain/scoring';
import type { IntakeView, UnreadableIntakeView } from '@/features/intake/stored-answers';
import { messages } from '@/lib/messages';
import { siteConfig } from '@/lib/site-config';
import { formatDateTimeJa } from '@/lib/time';
import { IntakeAnswers } from './intake-answers';

const unreadableMessage: Record<UnreadableIntakeView['reason'], (keyId: string) => string> = {
  key_not_configured: messages.intake.unreadable.keyNotConfigured,
  not_authentic: messages.intake.unreadable.notAuthentic,
};

/**
 * The counselor's view of one questionnaire: the safety flag first, the dimension summary,
 * then every answer. A draft shows only its state and the flag: the client has not sent it.
 * Answers the keys cannot open show why, in place of the flag and the answers.
 */
export function CounselorIntake({ view, headingId }: { view: IntakeView | undefined; headingId: string }) {
  if (!view) return <p>まだ回答はありません。</p>;
  const safety = view.readable
    ? view.sections.flatMap((s) => s.lines).find((l) => l.id === safetyQuestionId)
    : undefined;
  return (
    <>
      {!view.readable ? (
        <p className="intake-flag" role="alert">
          {unreadableMessage[view.reason](view.keyId)}
        </p>
      ) : view.flagged ? (
        <p className="intake-flag" role="alert">
          要確認：安全に関する質問に「{safety?.text}」と回答されています。
        </p>
      ) : null}
      <dl className="facts">
        <dt>状態</dt>
        <dd>
          {view.status === 'submitted'
            ? `送信済み（${formatDateTimeJa(view.submittedAt!, siteConfig.timeZone)}）`
            : `回答途中・未送信（最終保存 ${formatDateTimeJa(view.updatedAt, siteConfig.timeZone)}）`}
        </dd>
        <dt>テーマ</dt>
        <dd>{view.themeLabel}</dd>
        <dt>同意</dt>
        <dd>{formatDateTimeJa(view.consentedAt, siteConfig.timeZone)}</dd>
      </dl>
      {view.readable && view.status === 'submitted' ? (
        <>
          <div className="table-scroll" role="region" aria-labelledby={`${headingId}-summary`} tabIndex={0}>
            <table>
              <caption id={`${headingId}-summary`}>回答の要約（観点ごとの傾向）</caption>
              <thead>
                <tr>
                  <th scope="col">観点</th>
                  <th scope="col">傾向</th>
                  <th scope="col">関係する回答</th>
                </tr>
              </thead>
              <tbody>
                {view.scores.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.label}</th>
                    <td>{s.level ? dimensionLevelLabel[s.level] : '—'}</td>
                    <td>{s.answered}問</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <IntakeAnswers sections={view.sections} headingLevel={3} />
        </>
      ) : null}
    </>
  );
}
