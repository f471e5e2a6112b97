import Link from 'next/link';

/** A success page opened again after its payment was settled (confirmed, then cancelled or refunded). */
export function PaymentAlreadyHandled() {
  return (
    <>
      <h1>このお支払いは手続き済みです</h1>
      <p role="status">
        このお支払いについては、すでに手続きが済んでいます（キャンセルや返金を含む最新の状態はマイページでご確認いただけます）。
      </p>
      <p>
        <Link href="/portal">マイページへ</Link>
      </p>
    </>
  );
}
