# The Huzhu API (and the console it serves at /). Build: docker build -t huzhu . ; run with docker-compose.yml.
# The build context is filtered by .dockerignore (no node_modules, data, build output or Neo4j launcher files).

FROM node:20-bookworm-slim AS build
# The browser suite's packages are dev dependencies; no browser is ever downloaded.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `npm run build` is the one build: the server (tsc: dist/src, the CLIs included) and the console (web/dist).
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY schema ./schema
COPY cypher ./cypher
COPY seed ./seed
# /data belongs to the image's user: Docker gives a new, empty named volume the owner of the directory it is
# mounted on, so the volume in docker-compose.yml is writable by `node`. (A bind mount keeps the host's owner:
# chown the host directory to uid 1000 instead.)
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The CLIs ship compiled beside the server: docker compose exec api node dist/src/cli/token.js --help
CMD ["node", "dist/src/main.js"]
