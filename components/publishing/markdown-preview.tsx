'use client';

import { useDeferredValue, useMemo } from 'react';
import { renderMarkdown } from '@/features/library/domain/markdown';

/**
 * The live preview: the very function the public article page renders with
 * (features/library/domain/markdown.ts), run in the browser on the deferred text so typing
 * stays smooth.
 */
export function MarkdownPreview({ markdown, title, label }: { markdown: string; title?: string; label: string }) {
  const deferred = useDeferredValue(markdown);
  const html = useMemo(() => renderMarkdown(deferred).html, [deferred]);
  return (
    <section className="preview" aria-label={label}>
      {title ? <h1 className="preview__title">{title}</h1> : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
