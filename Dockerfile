# syntax=docker/dockerfile:1
# Kompetensdialog: one image for the bot, the tab and the tab's API (see infra/README.md).
# Build:  docker build -t kompetensdialog .      (or in Azure: az acr build, infra/scripts/deploy.sh)
# Run:    docker run -p 3978:3978 kompetensdialog

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, then the service (tsc) and the tab (Vite) into dist/ ---------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY scripts/copy-assets.mjs scripts/
COPY core core
COPY bot bot
COPY manifest manifest
COPY tab tab
RUN npm run build

# --- runtime: production dependencies and the built output only, as a non-root user ---------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
# No dev dependencies; no install scripts (none of the production dependencies needs one).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# The service and the tab; not dist/manifest (packaging runs on the deployer's machine).
COPY --from=build /app/dist/bot dist/bot
COPY --from=build /app/dist/core dist/core
COPY --from=build /app/dist/tab dist/tab
# The embedded database's folder for a plain `docker run`; Azure sets DATABASE_URL instead.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# App Service probes /healthz itself (healthCheckPath); this serves docker run and compose.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1, so SIGTERM reaches the service's graceful shutdown (npm would swallow it).
CMD ["node", "--enable-source-maps", "dist/bot/main.js"]
