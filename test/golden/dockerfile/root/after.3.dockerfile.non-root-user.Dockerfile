FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
USER root
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
USER 10001:10001
ENTRYPOINT ["/bin/sh", "-c", "exec \"$0\" \"$@\"", "sleep"]
CMD ["infinity"]
