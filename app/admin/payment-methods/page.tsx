import type { Metadata } from 'next';
import { PaymentMethodsForm } from '@/components/payments/payment-methods-form';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { getOfferedMethods } from '@/features/payments/queries';
import { read } from '@/lib/data';

export const metadata: Metadata = { title: 'お支払い方法' };

/** Which methods clients may pay with: card always, konbini and PayPay when she switches them on. */
export default async function PaymentMethodsPage() {
  await requireCounselor('/admin/payment-methods');
  const offered = await read(getOfferedMethods);
  return (
    <>
      <h1>お支払い方法</h1>
      <p>
        クライアントがセッションや講座の代金を支払う方法を選べます。変更は、これから開くお支払いページから反映されます。
      </p>
      <PaymentMethodsForm initial={offered} />
    </>
  );
}
