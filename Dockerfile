# One image for the API and the judge worker. isolated-vm compiles from source, hence the toolchain.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@10
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
# The API serves the web app from apps/web/dist ([A18]); build it here, where Vite (a dev dependency) is installed.
RUN pnpm --filter @assay/web build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["node", "--no-node-snapshot", "--import", "tsx", "apps/api/src/server.ts"]
