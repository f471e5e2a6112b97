import { getHealth } from '@/features/health/queries';

export const dynamic = 'force-dynamic';

// Public by design: load balancers call it. It says only whether the database answers.
export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: health.db === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
