# syntax=docker/dockerfile:1
# The production image: `docker build -t kokoro-practice .` (compose.yaml uses it for both app
# instances and for the one-off `migrate` service). Settings come from the environment at run
# time (README, Configuration); SITE_URL is also read at build time for canonical links.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ARG SITE_URL
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone SITE_URL=${SITE_URL}
COPY . .
RUN npm run build

# Migrations and the seed (`docker compose run --rm migrate`): the full toolchain, run once
# per deploy before the app instances start.
FROM build AS migrate
USER node
CMD ["sh", "-c", "npm run db:migrate && npm run db:seed"]

FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
USER node
EXPOSE 3000
# Ready = the database answers and the job queue runs (/api/health); /api/health/live is liveness.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM stops the job queue, then the server (lib/server-start.ts); give it time to.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
