import type { ActionResult } from '@/features/accounts/auth/define-action';

/** The outcome of a form: announced to screen readers, red for errors. */
export function FormStatus({ result }: { result: ActionResult<unknown> | null }) {
  if (!result) return null;
  if (result.ok) {
    return result.message ? (
      <p role="status" className="form-status form-status--ok">
        {result.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="form-status form-status--error">
      {result.error}
    </p>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="form-status form-status--ok">
      {children}
    </p>
  );
}
