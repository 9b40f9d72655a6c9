# syntax=docker/dockerfile:1.7
ARG NODE_VERSION=20.11
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20.11-bookworm-slim
WORKDIR /app
COPY --from=build /app/dist ./dist
EXPOSE 8080
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
USER 10001:10001
# Start the server.
CMD ["node", "dist/server.js"]
