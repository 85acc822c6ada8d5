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
WORKDIR /app
COPY --from=build /app /app
# `assay-compiled` makes @assay/* packages resolve to their dist/; NODE_OPTIONS carries it into the
# judge processes the API and the worker start.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NODE_OPTIONS=--conditions=assay-compiled
EXPOSE 3000
CMD ["node", "--no-node-snapshot", "apps/api/dist/server.js"]
