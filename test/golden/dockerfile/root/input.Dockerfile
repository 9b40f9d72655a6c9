FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
USER root
ENTRYPOINT ["/bin/sh", "-c", "exec \"$0\" \"$@\"", "sleep"]
CMD ["infinity"]
