# syntax=docker/dockerfile:1
# Multi-stage: restore, build, test, publish; the runtime image runs as a non-root user with seeds/ baked in.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props InterviewBot.sln ./
COPY src/InterviewBot.Core/InterviewBot.Core.csproj src/InterviewBot.Core/
COPY src/InterviewBot.Retrieval/InterviewBot.Retrieval.csproj src/InterviewBot.Retrieval/
COPY src/InterviewBot.Chat/InterviewBot.Chat.csproj src/InterviewBot.Chat/
COPY src/InterviewBot.Store/InterviewBot.Store.csproj src/InterviewBot.Store/
COPY src/InterviewBot.Cli/InterviewBot.Cli.csproj src/InterviewBot.Cli/
COPY tests/InterviewBot.Core.Tests/InterviewBot.Core.Tests.csproj tests/InterviewBot.Core.Tests/
COPY tests/InterviewBot.Retrieval.Tests/InterviewBot.Retrieval.Tests.csproj tests/InterviewBot.Retrieval.Tests/
COPY tests/InterviewBot.Chat.Tests/InterviewBot.Chat.Tests.csproj tests/InterviewBot.Chat.Tests/
COPY tests/InterviewBot.Store.Tests/InterviewBot.Store.Tests.csproj tests/InterviewBot.Store.Tests/
COPY tests/InterviewBot.Cli.Tests/InterviewBot.Cli.Tests.csproj tests/InterviewBot.Cli.Tests/
RUN dotnet restore InterviewBot.sln
COPY . .
RUN dotnet build InterviewBot.sln -c Release --no-restore

FROM build AS test
# No PostgreSQL in the build: its tests skip here (CI runs them against a real server).
RUN dotnet test InterviewBot.sln -c Release --no-build

FROM test AS publish
RUN dotnet publish src/InterviewBot.Cli/InterviewBot.Cli.csproj -c Release --no-build -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=publish /app .
# The index cache, models and the quote-of-the-day SQLite file live on a volume (set Store__PostgreSQL to use PostgreSQL
# instead); Discord and Slack credentials come from the environment (Discord__BotToken, Slack__SigningSecret, ...).
ENV XDG_CACHE_HOME=/data/cache \
    INTERVIEWBOT_DATA=/data \
    INTERVIEWBOT_CONFIG=/app/appsettings.json \
    ASPNETCORE_URLS=http://+:8080
RUN mkdir -p /data && chown -R app:app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
# Liveness through the program itself (the runtime image has no curl); /readyz is for orchestrators that route traffic.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/interviewbot.dll", "health", "--url", "http://127.0.0.1:8080"]
ENTRYPOINT ["dotnet", "/app/interviewbot.dll"]
CMD ["serve"]
