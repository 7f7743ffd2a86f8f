#!/bin/sh
# The privileged one-off of a release, as the failingwell_migrate login (docker-compose.yml, migrate):
# the database schema, then the scheduler's tables, which Quartz creates when a scheduler first starts
# (ProvisionSchema). The web nodes then connect as failingwell_app, which cannot create tables.
set -eu
dotnet /app/FailingWell.Web.dll migrate
# One node's worth of the app on a private port, until it is ready (the scheduler has started, so its
# tables exist), then stopped.
ASPNETCORE_URLS=http://127.0.0.1:8081 dotnet /app/FailingWell.Web.dll &
node=$!
trap 'kill "$node" 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
    if curl -fsS http://127.0.0.1:8081/health/ready >/dev/null 2>&1; then
        echo "The scheduler's tables are in place."
        exit 0
    fi
    sleep 2
done
echo "The app did not become ready as failingwell_migrate: see its log above." >&2
exit 1
