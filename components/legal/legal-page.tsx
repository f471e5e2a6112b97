export function LegalPage({ title, updated, children }: { title: string; updated: string; children: React.ReactNode }) {
  return (
    <div className="container container--narrow legal">
      <h1>{title}</h1>
      {children}
      <p className="legal__updated">制定・最終改定日：{updated}</p>
    </div>
  );
}
