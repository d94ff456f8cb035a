# One image for the API (serving the web app), the worker and the one-shot migration; docker-compose.yml picks the command.
# Node 24 is an LTS line; Node 20 (used on the development machines) is past its end of life.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
# The API serves the web app's build (dist/apps/web); Vite is a dev dependency, so both build before the prune.
RUN npm run build && npm run web:build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
