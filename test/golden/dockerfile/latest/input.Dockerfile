FROM --platform=$BUILDPLATFORM golang AS build
RUN go build -o /out/app ./cmd/app

FROM nginx:latest AS web
COPY --from=build /out/app /usr/local/bin/app
USER nginx
ENTRYPOINT ["/usr/local/bin/app"]
