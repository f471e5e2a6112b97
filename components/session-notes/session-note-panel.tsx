import type { NoteView } from '@/features/session-notes/service';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';
import { SessionNoteForm } from './session-note-form';

type Props = {
  headingId: string;
  heading: string;
  label: string;
  clientId: string;
  bookingId: string | null;
  note: NoteView | null;
};

const privacy = 'カウンセラーだけが読めます（暗号化して保存）。クライアントには表示されず、メールにも載りません。';

/** A note's section on the counselor's booking or client page. */
export function SessionNotePanel({ headingId, heading, label, clientId, bookingId, note }: Props) {
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{heading}</h2>
      {note && !note.readable ? (
        <p role="alert" className="form-status form-status--error">
          このメモはいまは読み取れません（暗号鍵 {note.keyId}
          が設定されていません）。内容はそのまま保管されています。鍵を戻すと読めるようになります。
        </p>
      ) : (
        <SessionNoteForm
          clientId={clientId}
          bookingId={bookingId}
          label={label}
          description={privacy}
          body={note?.body ?? ''}
          version={note?.version ?? 0}
          savedAtText={note ? `最終保存：${formatDateTimeJa(note.updatedAt, practiceTimeZone)}` : null}
        />
      )}
    </section>
  );
}
