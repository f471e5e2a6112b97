import { getHealth, isReady } from '@/features/health/queries';

export const dynamic = 'force-dynamic';

// Readiness, public by design: load balancers call it. 200 once the database answers and this
// instance's job queue runs; 503 while starting, stopping or without a database.
export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: isReady(health) ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
