'use client';

export function PrintButton() {
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      印刷・PDFで保存
    </button>
  );
}
