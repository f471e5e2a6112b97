import type { NextConfig } from 'next';
import { securityHeaders } from './lib/security-headers';

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files by path; bundling it breaks that.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // The container image (Dockerfile) builds with NEXT_OUTPUT=standalone: a minimal server.js
  // with only the files it traces. `next start` keeps the ordinary build.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // Next computes the ETag as a hash of the whole HTML in JavaScript on every request, even
  // for cached pages: measured at ~18 % of the server's CPU on an article (README, Performance).
  generateEtags: false,
  reactStrictMode: true,
  // `next dev` refuses cross-origin dev resources from 127.0.0.1 unless allowed.
  allowedDevOrigins: ['127.0.0.1'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders(process.env.NODE_ENV === 'production') }];
  },
};

export default nextConfig;
