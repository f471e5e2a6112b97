import { z } from 'zod';
import { articleSlugSchema } from '@/features/library/schemas';
import { isRefreshTokenValid, refreshBatchSize } from '@/features/library/refresh-request';
import { refreshPublicLibraryPages } from '@/features/library/revalidate';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ slugs: z.array(articleSlugSchema).min(1).max(refreshBatchSize) });

/** Called by the publishing job when a scheduled article's time comes (see features/library/revalidate.ts). */
export async function POST(request: Request) {
  if (!isRefreshTokenValid(request.headers.get('authorization'))) return new Response(null, { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'invalid_input' }, { status: 400 });
  refreshPublicLibraryPages(parsed.data.slugs);
  return new Response(null, { status: 204 });
}
