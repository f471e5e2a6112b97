'use client';

import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveIntakeDraftAction, submitIntakeAction } from '@/features/intake/actions';
import { composeIntake, safetyPositiveValues, safetyQuestionId } from '@/features/intake/domain/definitions';
import { intakeProgress } from '@/features/intake/domain/progress';
import type { Answers } from '@/features/intake/domain/types';
import { type IntakeInput, intakeThemeChoices, submitIntakeSchema, themeOfChoice } from '@/features/intake/schemas';
import { themes } from '@/features/library/themes';
import { messages } from '@/lib/messages';
import { CrisisLines } from './crisis-lines';
import { QuestionSections } from './question-field';
import { ActionButton } from '@/components/ui/action-button';

const autosaveDelayMs = 800;
const themeLabels: Record<string, string> = {
  ...Object.fromEntries(themes.map((t) => [t.id, t.label])),
  none: 'テーマを選ばない（共通の質問のみ）',
};

/** `crisisAbove`: the page already shows the crisis lines at its top (the stored answer was positive). */
type Props = {
  bookingId: string;
  initial: IntakeInput;
  submitted: boolean;
  crisisAbove?: boolean;
  draftSavedAt: string;
};

type SaveState =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; message: string };

/**
 * The questionnaire. A draft is saved a moment after the client stops typing (and when the
 * page is hidden), so it survives a reload and continues on another device; answers once
 * sent are changed only by sending them again.
 */
export function IntakeForm({ bookingId, initial, submitted, crisisAbove = false, draftSavedAt }: Props) {
  const { form, onSubmit, result, errors, submitting } = useActionForm<IntakeInput, undefined>(
    submitIntakeSchema,
    submitIntakeAction,
    initial,
  );
  const theme = useWatch({ control: form.control, name: 'theme' });
  const safety = useWatch({ control: form.control, name: `answers.${safetyQuestionId}` }) as unknown;
  const answers = useWatch({ control: form.control, name: 'answers' }) as Answers | undefined;
  const { sections } = composeIntake(themeOfChoice(theme ?? 'none'));
  const progress = intakeProgress(sections, answers ?? {});
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const queued = useRef(false);
  // The stored draft this page continues; once another page saved over it, this one stops saving.
  const basedOn = useRef(draftSavedAt);
  const superseded = useRef(false);

  useEffect(() => {
    if (submitted) return;
    const saveNow = async (): Promise<void> => {
      clearTimeout(timer.current);
      if (superseded.current) return;
      if (inFlight.current) {
        queued.current = true;
        return;
      }
      setSave({ state: 'saving' });
      const values = form.getValues();
      inFlight.current = saveIntakeDraftAction({
        bookingId,
        theme: values.theme,
        answers: values.answers as Answers,
        basedOn: basedOn.current,
      });
      const outcome = (await inFlight.current.catch(() => null)) as Awaited<
        ReturnType<typeof saveIntakeDraftAction>
      > | null;
      inFlight.current = null;
      if (outcome?.ok && outcome.data.outcome === 'saved' && outcome.data.savedAt) {
        basedOn.current = outcome.data.savedAt;
        setSave({ state: 'saved', at: new Date().toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' }) });
      } else if (outcome?.ok) {
        superseded.current = true;
        setSave({
          state: 'failed',
          message:
            outcome.data.outcome === 'already_submitted'
              ? messages.intake.draftAlreadySent
              : messages.intake.draftStale,
        });
      } else {
        // A refusal the client can act on (e.g. the session has started) says so; a lost connection says that.
        setSave({
          state: 'failed',
          message: outcome && outcome.code !== 'unexpected' ? outcome.error : messages.intake.draftFailed,
        });
      }
      if (queued.current) {
        queued.current = false;
        await saveNow();
      }
    };
    const subscription = form.watch((_values, { type }) => {
      // Only what the client changed (not a reset) starts a save.
      if (type !== 'change') return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), autosaveDelayMs);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden' && timer.current) void saveNow();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      clearTimeout(timer.current);
    };
  }, [bookingId, form, submitted]);

  const answerErrors = (errors.answers ?? {}) as Record<string, { message?: string } | undefined>;
  const showCrisis = typeof safety === 'string' && safetyPositiveValues.includes(safety);

  return (
    <form
      // A pending draft save still runs: if the answers are refused, what was typed is kept;
      // if they are sent, the server ignores a draft that arrives after them.
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="intake-form-heading"
      className="intake-form"
    >
      <h2 id="intake-form-heading" className="sr-only">
        アンケートの回答
      </h2>
      {/* Stays at the top of the screen while scrolling: how far along she is, and whether what she
          typed is saved, without scrolling to the bottom of a long form on a phone. */}
      <div className="intake-status">
        <p className="intake-status__count">
          <span className="nowrap">
            {progress.total}問中 <strong>{progress.answered}問</strong>に回答
          </span>
        </p>
        {/* Busy while saving, so a screen reader hears only the outcome, not every pause in typing. */}
        <p className="autosave" role="status" aria-busy={save.state === 'saving'}>
          {submitted
            ? '送信済みの回答です。変更したら「回答を更新する」を押してください。'
            : save.state === 'saving'
              ? '下書きを保存しています…'
              : save.state === 'saved'
                ? `${messages.intake.draftSaved}（${save.at}）`
                : save.state === 'failed'
                  ? null
                  : '入力した内容は自動で下書き保存されます。'}
        </p>
        {save.state === 'failed' ? (
          <p className="autosave autosave--failed" role="alert">
            {save.message}
          </p>
        ) : null}
      </div>
      <fieldset className="field choice-group">
        <legend>ご相談のテーマ</legend>
        <p className="field__description" id="theme-description">
          ご予約のときに選んだテーマが選ばれています。送信する前なら変更できます。
        </p>
        <div className="choice-group__options">
          {intakeThemeChoices.map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" value={choice} {...form.register('theme')} aria-describedby="theme-description" />
              <span>{themeLabels[choice]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <nav className="intake-progress" aria-label="質問の一覧と回答の進み具合">
        <ol>
          {progress.sections.map((p) => (
            <li key={p.id}>
              <a href={`#section-${p.id}`}>{p.title}</a>
              <span className={`nowrap intake-progress__count${p.answered === p.total ? ' is-done' : ''}`}>
                {p.answered === p.total ? 'すべて回答済み' : `${p.total}問中${p.answered}問に回答`}
              </span>
            </li>
          ))}
        </ol>
      </nav>

      <QuestionSections
        sections={sections}
        progress={progress.sections}
        register={form.register as never}
        errors={answerErrors}
        after={{
          [safetyQuestionId]: !showCrisis ? null : crisisAbove ? (
            <p className="notice">
              いますぐ話せる窓口を<a href="#crisis-lines-top">このページの上</a>に表示しています。
            </p>
          ) : (
            <CrisisLines id="crisis-lines" live intake />
          ),
        }}
      />

      <FormStatus result={result} />
      <ActionButton className="button" type="submit" busy={submitting}>
        {submitted ? '回答を更新する' : '回答を送信する'}
      </ActionButton>
    </form>
  );
}
