# otapress in a container, for CI: a Debian JRE, the jar and its launcher.
#   mvn -q -DskipTests package && docker build -t otapress .
#   docker run --rm -v "$PWD:/site" otapress build
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless git git-lfs ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY target/otapress.jar /opt/otapress/otapress.jar
COPY bin/otapress /opt/otapress/bin/otapress
ENV OTAPRESS_JAR=/opt/otapress/otapress.jar
RUN chmod 755 /opt/otapress/bin/otapress && ln -s /opt/otapress/bin/otapress /usr/local/bin/otapress
WORKDIR /site
ENTRYPOINT ["otapress"]
CMD ["--help"]
