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
# Start the server.
CMD ["node", "dist/server.js"]
