# sync-ledger: the processor and the sink in one image, built from this repository.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schemas/pom.xml schemas/
COPY processor/pom.xml processor/
COPY sink/pom.xml sink/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN mvn -B -ntp -q dependency:go-offline -pl app -am || true
COPY . .
RUN mvn -B -ntp -q package -DskipTests -pl app -am

FROM eclipse-temurin:17-jre
# curl answers the compose health check against /health/ready.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/sync-ledger sync-ledger && mkdir -p /var/lib/sync-ledger && chown sync-ledger /var/lib/sync-ledger
COPY --from=build /src/app/target/sync-ledger.jar /opt/sync-ledger/sync-ledger.jar
USER sync-ledger
WORKDIR /var/lib/sync-ledger
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/sync-ledger/sync-ledger.jar"]
CMD ["run"]
