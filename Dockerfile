# sync-ledger: the processor and the sink in one image, built from this repository.
# Base images are pinned to exact versions; bump them on purpose, with the patch releases.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The local repository is a BuildKit cache: rebuilds reuse downloads, and a failed download fails the build.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q package -DskipTests -pl app -am

FROM eclipse-temurin:17.0.16_8-jre-noble
# curl answers the compose health check against /health/ready.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/sync-ledger sync-ledger \
    && mkdir -p /var/lib/sync-ledger \
    && chown sync-ledger /var/lib/sync-ledger
COPY --from=build /src/app/target/sync-ledger.jar /opt/sync-ledger/sync-ledger.jar
USER sync-ledger
WORKDIR /var/lib/sync-ledger
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/sync-ledger/sync-ledger.jar"]
CMD ["run"]
