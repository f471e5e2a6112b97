'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { selfCheckDefinition } from '@/features/intake/domain/definitions';
import { reflectionFor } from '@/features/intake/domain/reflection';
import { answersSchema, emptyAnswers } from '@/features/intake/domain/schema';
import type { Answers } from '@/features/intake/domain/types';
import type { ThemeId } from '@/features/library/themes';
import { z } from 'zod';
import { CrisisLines } from './crisis-lines';
import { QuestionSections } from './question-field';

type Values = { answers: Answers };
const noSubscription = () => () => {};

/**
 * The anonymous self-check: the short form of the theme's questionnaire, answered and
 * reflected entirely in the browser. There is no action and no fetch: the answers never
 * leave the page, and nothing is stored. The button waits for the page to be interactive,
 * so the form can never fall back to a plain submission that would put answers in a URL.
 */
export function SelfCheckForm({ theme, children }: { theme: ThemeId; children?: React.ReactNode }) {
  const { sections } = selfCheckDefinition(theme);
  const form = useForm<Values>({
    resolver: zodResolver(z.object({ answers: answersSchema(sections) }) as never) as unknown as Resolver<Values>,
    defaultValues: { answers: emptyAnswers(sections) },
  });
  // False in the server's HTML, true once React runs in the browser.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [reflection, setReflection] = useState<string[] | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (reflection) resultRef.current?.focus();
  }, [reflection]);
  const onSubmit = form.handleSubmit((values) =>
    setReflection(reflectionFor([selfCheckDefinition(theme)], values.answers)),
  );
  const errors = (form.formState.errors.answers ?? {}) as Record<string, { message?: string } | undefined>;

  return (
    <>
      <form onSubmit={onSubmit} noValidate aria-labelledby="self-check-form-heading">
        <h2 id="self-check-form-heading" className="sr-only">
          セルフチェックの質問
        </h2>
        <QuestionSections sections={sections} register={form.register as never} errors={errors} />
        <button className="button" type="submit" disabled={!ready}>
          結果を見る
        </button>
        <button
          className="button button--secondary"
          type="button"
          disabled={!ready}
          onClick={() => {
            form.reset({ answers: emptyAnswers(sections) });
            setReflection(null);
          }}
        >
          回答を消す
        </button>
      </form>
      {reflection ? (
        <section ref={resultRef} tabIndex={-1} aria-labelledby="self-check-result-heading" className="panel reflection">
          <h2 id="self-check-result-heading">セルフチェックの結果</h2>
          {reflection.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <p>
            これは診断ではなく、いまの気持ちを整理するためのひとつの手がかりです。回答はこの画面の中だけで使われ、どこにも送信・保存されません。
          </p>
          <p>
            <Link className="button" href={`/sessions?theme=${theme}`}>
              この悩みで相談する（個人セッション）
            </Link>
          </p>
          {children}
          <details>
            <summary>つらい気持ちが強いときは</summary>
            <CrisisLines id="self-check-crisis" />
          </details>
        </section>
      ) : null}
    </>
  );
}
