# One image for the API and the judge worker ([A60]). The build stage has the dev toolchain (TypeScript,
# Vite, the C++ compiler isolated-vm needs) and compiles everything; the runtime stage has Node, the
# production dependencies and the compiled output only, and starts without tsx.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
# The API and the packages it runs → dist/ per package; the web app → apps/web/dist, which the API serves ([A18]).
RUN pnpm build
# Drop the dev dependencies (isolated-vm stays built) and the TypeScript sources nothing runs any more.
RUN CI=true pnpm install --prod --frozen-lockfile --offline && rm -rf apps/*/src packages/*/src

FROM node:20-bookworm-slim
# Python submissions (issue 13, [J62]) run Debian's CPython with numpy, pandas and scikit-learn inside
# bubblewrap; the container needs user namespaces for it (docker-compose.yml, README "Python").
RUN apt-get update \
  && apt-get install -y --no-install-recommends bubblewrap python3 python3-numpy python3-pandas python3-sklearn \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
# Not root: docker-compose.yml unmasks /proc for bubblewrap (systempaths=unconfined), where root could
# write /proc/sysrq-trigger. The embedded database's default DATA_DIR stays writable for `docker run`
# without DATABASE_URL.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
# `assay-compiled` makes @assay/* packages resolve to their dist/; NODE_OPTIONS carries it into the
# judge processes the API and the worker start.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NODE_OPTIONS=--conditions=assay-compiled
EXPOSE 3000
CMD ["node", "--no-node-snapshot", "apps/api/dist/server.js"]
