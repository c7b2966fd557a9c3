#!/usr/bin/env bash
# Export benchmark: a store of 2,000 generated posts with TAGS tags (default 100,000; one or two themes each, notes,
# one in ten private), exported in every format by the command line and over HTTP. Prints wall time, bytes and peak
# memory (max RSS of the export process; for HTTP, the server's peak RSS while it serves the export, VmHWM), and CPU
# time (user + system: on a shared, loaded machine the wall time measures the queue for a core, the CPU time the work).
# Usage, from the repository root after a Release build:  tests/LocalGovBlog.Benchmarks/export-bench.sh [TAGS] [FOLDER] [cli|http|all]
set -euo pipefail
TAGS=${1:-100000}
DIR=${2:-/tmp/localgovblog-export-bench}
PARTS=${3:-all}
WEB=src/LocalGovBlog.Web/bin/Release/net10.0/LocalGovBlog.Web.dll
DB="$DIR/archive.db"
CONN="--ConnectionStrings:Default=Data Source=$DB"
mkdir -p "$DIR"
if [[ ! -f "$DB" ]]; then
  dotnet run --project tests/LocalGovBlog.Benchmarks -c Release -- generate 2000 "$DIR/dump.txt" >/dev/null
  dotnet "$WEB" import "$DIR/dump.txt" "$CONN" >/dev/null
  sqlite3 "$DB" <<SQL
INSERT INTO AspNetUsers (Id, RegisteredAtUtc, UserName, NormalizedUserName, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', '2026-01-01 00:00:00', 'bench', 'BENCH', 0, 0, 0, 0, 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $TAGS)
INSERT INTO Annotations (ArticleId, OwnerId, Start, "End", Exact, Prefix, Suffix, Note, IsPublic, IsOrphan, CreatedAtUtc, UpdatedAtUtc)
SELECT a.Id, '7c9e6679-7425-40de-944b-e07fc1f90ae7', 0, 60, substr(a.Text, 1, 60), '', substr(a.Text, 61, 32),
       'Note ' || n.i || ': =SUM(A1) and a longer remark about the passage', CASE WHEN n.i % 10 = 0 THEN 0 ELSE 1 END, 0,
       '2026-02-01 10:00:00', '2026-02-01 10:00:00'
FROM n JOIN Articles a ON a.Id = 1 + (n.i % (SELECT count(*) FROM Articles));
INSERT INTO AnnotationThemes (AnnotationId, ThemeId) SELECT Id, 1 + (Id % 10) FROM Annotations;
INSERT INTO AnnotationThemes (AnnotationId, ThemeId) SELECT Id, 1 + ((Id + 3) % 10) FROM Annotations WHERE Id % 2 = 0;
SQL
fi
echo "tags in store: $(sqlite3 "$DB" 'select count(*) from Annotations'), articles: $(sqlite3 "$DB" 'select count(*) from Articles')"

if [[ $PARTS != http ]]; then
echo "== command line (as user 'bench': public tags and their own private ones)"
for format in w3c csv qdpx qdc; do
  out="$DIR/export.$format"
  /usr/bin/time -f "%e s wall, %U s user + %S s sys CPU, %M KB max RSS" -o "$DIR/time.txt" dotnet "$WEB" export "$format" "$out" --user bench "$CONN" | tr -s ' \n' ' '
  echo " | $(stat -c %s "$out") bytes | $(cat "$DIR/time.txt")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
[[ $PARTS == cli ]] && exit 0

echo "== HTTP (anonymous: public tags)"
PORT=5189
dotnet "$WEB" "$CONN" --urls "http://127.0.0.1:$PORT" --insecure-http "--AllowedHosts=127.0.0.1;localhost" --Import:SeedOnFirstStart=false --Serilog:MinimumLevel:Default=Warning >"$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do kill -0 $SERVER 2>/dev/null || { cat "$DIR/server.log"; exit 1; }; sleep 0.5; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/export/tags.csv?article=none" || true
base=$(grep VmHWM /proc/$SERVER/status | awk '{print $2}')
echo "server peak RSS after start-up: $base KB"
cpu() { awk '{print $14 + $15}' /proc/$SERVER/stat; }  # the server's user + system time, in clock ticks
TICKS=$(getconf CLK_TCK)
# Each export twice: the first pays for compiling the code it runs (the JIT), the second is the steady state.
for path in annotations.jsonld tags.csv project.qdpx codebook.qdc annotations.jsonld tags.csv project.qdpx; do
  before=$(cpu)
  curl -s -o "$DIR/http.$path" -w "$path: %{http_code} %{size_download} bytes, first byte %{time_starttransfer} s, total %{time_total} s" "http://127.0.0.1:$PORT/export/$path"
  echo " | server CPU $(awk -v t="$(( $(cpu) - before ))" -v hz="$TICKS" 'BEGIN { printf "%.2f", t / hz }') s | server peak RSS so far $(grep VmHWM /proc/$SERVER/status | awk '{print $2}') KB"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
