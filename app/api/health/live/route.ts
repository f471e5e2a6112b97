export const dynamic = 'force-dynamic';

// Liveness: the process answers requests. Restart it when this fails; take it out of the
// load balancer when /api/health (readiness) does.
export function GET() {
  return Response.json({ live: true }, { headers: { 'Cache-Control': 'no-store' } });
}
