# AidBridge in a container.
#
#   docker build -t aidbridge .
#   docker run -d --name aidbridge -v aidbridge-data:/data \
#     -e AIDBRIDGE_IMAP_URL=imaps://imap.example.org:993 -e AIDBRIDGE_SMTP_URL=smtps://smtp.example.org:465 \
#     -e AIDBRIDGE_EMAIL_ADDRESS=aid@example.org -e AIDBRIDGE_EMAIL_PASSWORD=... \
#     -p 127.0.0.1:8080:8080 aidbridge
#
# Every setting of config/application.properties can be given as AIDBRIDGE_<KEY>; secrets
# (AIDBRIDGE_TELEGRAM_TOKEN, AIDBRIDGE_EMAIL_PASSWORD) only that way, e.g. with --env-file.
#
# Signal: run signal-cli as a second container and let AidBridge speak JSON-RPC to it. Register or
# link the account once with signal-cli itself, keeping its data in a volume, then start its daemon
# on a network both containers share:
#
#   docker network create aidbridge
#   docker run -d --name signal-cli --network aidbridge -v signal-cli-data:/var/lib/signal-cli \
#     <a signal-cli image> --config /var/lib/signal-cli daemon --tcp 0.0.0.0:7583 \
#     --receive-mode on-connection
#   docker run -d --name aidbridge --network aidbridge -v aidbridge-data:/data \
#     -e AIDBRIDGE_SIGNAL_ENDPOINT=tcp://signal-cli:7583 -e AIDBRIDGE_SIGNAL_ACCOUNT=+15550001111 aidbridge
#
# The daemon's port must never be published outside that network: whoever reaches it can send
# as the bot. Sharing a UNIX socket through a volume (`daemon --socket /run/signal-cli/socket` and
# AIDBRIDGE_SIGNAL_ENDPOINT=unix:/run/signal-cli/socket) works too. See docs/signal.md.

# --- build ---------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY bot bot
COPY benchmarks benchmarks
COPY routes routes
COPY config config
RUN mvn -B -DskipTests package -pl routes -am

# --- run -----------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
# curl only for the HEALTHCHECK below.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system aidbridge \
 && useradd --system --gid aidbridge --home-dir /app --shell /usr/sbin/nologin aidbridge \
 && mkdir -p /app/config /data \
 && chown aidbridge:aidbridge /data
WORKDIR /app
COPY --from=build /src/routes/target/aidbridge.jar /app/aidbridge.jar
COPY config/application.properties config/logback.xml /app/config/

ENV AIDBRIDGE_CONFIG=/app/config/application.properties \
    AIDBRIDGE_DB=/data/aidbridge.db \
    AIDBRIDGE_HTTP_HOST=0.0.0.0 \
    AIDBRIDGE_HTTP_PORT=8080
# What a jar keeps beside itself on its first start (the parser's trained classifier, the gazetteer
# as read from its resource, SQLite's native library) is made here, once, as root: /app is not the
# bot's to write, and without them every start of the container would make them again (about a
# second and a half of a processor, and 30 MB more memory at its peak). Readable by all.
RUN echo "need water in Portland" | java -jar /app/aidbridge.jar parse > /dev/null \
 && AIDBRIDGE_DB=/tmp/warm.db java -jar /app/aidbridge.jar export > /dev/null \
 && rm -f /tmp/warm.db*
VOLUME ["/data"]
EXPOSE 8080
USER aidbridge

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${AIDBRIDGE_HTTP_PORT}/health" || exit 1

# A bounded heap (100,000 open listings fit in it) and the serial collector, which keeps a small
# service's resident memory low; the heap starts small and is given back when mostly free (starting
# at the maximum, the JVM touches all of it), the young generation stays small, and the C library's
# free memory is given back every 2 s (the launcher ./aidbridge says why; keep the two in step).
# `docker run -e JDK_JAVA_OPTIONS=...` replaces these.
ENV JDK_JAVA_OPTIONS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -XX:MaxNewSize=12m -XX:TrimNativeHeapInterval=2000"
ENTRYPOINT ["java", "-Dlogback.configurationFile=/app/config/logback.xml", "-jar", "/app/aidbridge.jar"]
CMD ["run"]
