#!/usr/bin/env bash
# Load test, as deployed: publishes Release, builds (or reuses) a store of ARTICLES generated posts and TAGS passage
# tags spread like real use (most articles none, a few heavily tagged; see TagGenerator.cs), serves it over HTTPS in
# Production with a throwaway certificate, warms up, then runs `wrk -t2 -c32 -d8s --latency` against each page in one
# run and prints requests per second, the ratio to the fingerprinted static CSS file, p50/p99 and the server's memory.
#
# Usage, from the repository root:
#   tests/LocalGovBlog.Benchmarks/load.sh [FOLDER] [--articles N] [--tags N] [--cache off|on|both]
#                                         [--duration 8s] [--connections 32] [--published DIR]
#                                         [--accept-encoding "gzip, deflate, br, zstd"]
# FOLDER (default /tmp/localgovblog-load) keeps the published build, the certificate and one store per set of
# parameters (store-a100000-t1000000-<generator hash>.db), so a second run with the same parameters reuses the store.
# --cache both runs the whole list twice in the same run, output cache off then on (Cache:Output=false/true).
# A dump file named dump-<ARTICLES>.txt already in FOLDER is reused instead of generated. --published DIR serves a
# build published earlier (say, of another commit, to compare) instead of publishing this one. --accept-encoding sends
# that header with every request, as a browser does (Chromium sends "gzip, deflate, br, zstd"); without it wrk asks for
# uncompressed answers. The KB column is what was sent: compressed when the answer was.
set -euo pipefail

DIR=/tmp/localgovblog-load
ARTICLES=100000
TAGS=1000000
CACHE=off
DURATION=8s
CONNECTIONS=32
THREADS=2
PUBLISHED=
ACCEPT_ENCODING=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --articles) ARTICLES=$2; shift 2 ;;
    --tags) TAGS=$2; shift 2 ;;
    --cache) CACHE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --published) PUBLISHED=$2; shift 2 ;;
    --accept-encoding) ACCEPT_ENCODING=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) DIR=$1; shift ;;
  esac
done
case "$CACHE" in off) MODES=(off) ;; on) MODES=(on) ;; both) MODES=(off on) ;; *) echo "--cache off|on|both" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 1; }

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
PUBLISH="$DIR/publish"
BENCH="$ROOT/tests/LocalGovBlog.Benchmarks/bin/Release/net10.0/LocalGovBlog.Benchmarks.dll"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ -n "$PUBLISHED" ]]; then
  PUBLISH=$(cd "$PUBLISHED" && pwd)
  echo "== serving the build published in $PUBLISH"
else
  echo "== publish (Release)"
  dotnet publish "$ROOT/src/LocalGovBlog.Web" -c Release -o "$PUBLISH" --nologo -v quiet -clp:ErrorsOnly >"$DIR/build.log" 2>&1 || { cat "$DIR/build.log"; exit 1; }
fi

# The store is keyed by its parameters and by the generators' source, so a changed tag spread builds a new one.
GENERATORS=$(cat "$ROOT/tests/LocalGovBlog.Benchmarks/DumpGenerator.cs" "$ROOT/tests/LocalGovBlog.Benchmarks/TagGenerator.cs" | sha1sum | cut -c1-8)
DB="$DIR/store-a$ARTICLES-t$TAGS-$GENERATORS.db"
if [[ ! -f "$DB" ]]; then
  echo "== build the generators"
  dotnet build "$ROOT/tests/LocalGovBlog.Benchmarks" -c Release --nologo -v quiet -clp:ErrorsOnly >"$DIR/build.log" 2>&1 || { cat "$DIR/build.log"; exit 1; }
  DUMP="$DIR/dump-$ARTICLES.txt"
  [[ -f "$DUMP" ]] || dotnet "$BENCH" generate "$ARTICLES" "$DUMP"
  rm -f "$DB.building" "$DB.building-wal" "$DB.building-shm"
  echo "== import $ARTICLES posts (takes minutes at 100,000)"
  (cd "$DIR" && dotnet "$PUBLISH/LocalGovBlog.Web.dll" import "$DUMP" "--ConnectionStrings:Default=Data Source=$DB.building" \
    --Serilog:MinimumLevel:Default=Warning >"$DIR/import.log" 2>&1) || { tail -20 "$DIR/import.log"; exit 1; }
  echo "== $TAGS tags"
  dotnet "$BENCH" tags "$DB.building" "$TAGS" 50
  sqlite3 "$DB.building" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  mv "$DB.building" "$DB"
  rm -f "$DB.building-wal" "$DB.building-shm"
fi

if [[ ! -f "$DIR/site.pfx" ]]; then
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 30 -keyout "$DIR/site.key" -out "$DIR/site.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$DIR/site.key" -in "$DIR/site.crt" -out "$DIR/site.pfx" -passout pass:load
fi

q() { sqlite3 "$DB" "$1"; }
UNTAGGED=$(q "SELECT Slug FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM Annotations n WHERE n.ArticleId = a.Id)
              ORDER BY WordCount LIMIT 1 OFFSET (SELECT count(*) / 2 FROM Articles)")
HEAVY=$(q "SELECT a.Slug FROM Articles a JOIN (SELECT ArticleId, count(*) c FROM Annotations GROUP BY ArticleId ORDER BY c DESC LIMIT 1) t ON t.ArticleId = a.Id")
HEAVY_TAGS=$(q "SELECT count(*) FROM Annotations WHERE ArticleId = (SELECT Id FROM Articles WHERE Slug = '$HEAVY')")
THEME=$(q "SELECT t.Slug FROM Themes t JOIN AnnotationThemes x ON x.ThemeId = t.Id GROUP BY t.Id ORDER BY count(*) DESC LIMIT 1")
echo "store: $DB — $(q 'SELECT count(*) FROM Articles') articles, $(q 'SELECT count(*) FROM Annotations') tags," \
  "$(q 'SELECT count(DISTINCT ArticleId) FROM Annotations') articles tagged; heaviest '$HEAVY' has $HEAVY_TAGS tags"

PORT=$((20000 + RANDOM % 20000))
BASE="https://localhost:$PORT"
SERVER=
stop_server() {
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER"
    wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=
}
trap stop_server EXIT

run_mode() {
  local cache=$1 extra=()
  [[ "$cache" == on ]] && extra=(--Cache:Output=true) || extra=(--Cache:Output=false)
  (cd "$DIR" && exec dotnet "$PUBLISH/LocalGovBlog.Web.dll" --urls "$BASE" \
    --Kestrel:Certificates:Default:Path="$DIR/site.pfx" --Kestrel:Certificates:Default:Password=load \
    --Site:PublicBaseAddress="$BASE" "--ConnectionStrings:Default=Data Source=$DB" --Import:SeedOnFirstStart=false "${extra[@]}" >"$DIR/server-$cache.log" 2>&1) &
  SERVER=$!
  for _ in $(seq 1 240); do
    curl -skf "$BASE/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || { tail -20 "$DIR/server-$cache.log"; exit 1; }
    sleep 0.5
  done
  local css
  css=$(curl -sk "$BASE/" | grep -o 'href="/css/site[^"]*"' | head -1 | sed 's/href="//; s/"$//')
  [[ -n "$css" ]] || { echo "no stylesheet link on the home page" >&2; exit 1; }
  # The quick pages first: a slow page's requests still running after wrk stops would be charged to the next one.
  local names=("static css" "article, untagged" "article JSON" "health" "home" "article, $HEAVY_TAGS tags" "theme page" "search")
  local paths=("$css" "/articles/$UNTAGGED" "/api/articles/$UNTAGGED" "/health" "/" "/articles/$HEAVY" "/themes/$THEME" "/search?q=council")
  for path in "${paths[@]}"; do
    local code
    code=$(curl -sk -o /dev/null -w '%{http_code}' "$BASE$path")
    [[ "$code" == 200 ]] || { echo "$path answered $code" >&2; exit 1; }
  done
  echo "== warm-up (output cache $cache)"
  # One request at a time, so warming a slow page leaves no queue behind it.
  for path in "${paths[@]}"; do
    for _ in 1 2 3 4 5; do curl -sk -o /dev/null --max-time 120 "$BASE$path" || true; done
  done
  settle
  local headers=()
  [[ -z "$ACCEPT_ENCODING" ]] || headers=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  echo "== output cache $cache, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ${headers[*]}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-24s %10s %8s %9s %9s %8s %9s %s\n' page "req/s" "÷ static" "p50 ms" "p99 ms" "non-2xx" "KB" "timeouts (> 2 s)"
  local static_rps=
  for i in "${!paths[@]}"; do
    local out rps p50 p99 bad
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$BASE${paths[$i]}")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    slow=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' <<<"$out")
    settle
    [[ -n "$static_rps" ]] || static_rps=$rps
    kb=$({ curl -sk -o /dev/null -w '%{size_download}' --max-time 120 "${headers[@]}" "$BASE${paths[$i]}" || echo -1; } | awk '{printf "%.1f", $1 / 1024}')
    printf '%-24s %10.0f %7.0f%% %9s %9s %8s %9s %s\n' "${names[$i]}" "$rps" "$(awk -v a="$rps" -v b="$static_rps" 'BEGIN {print 100 * a / b}')" \
      "$(to_ms "$p50")" "$(to_ms "$p99")" "${bad:-0}" "$kb" "${slow:-0}"
  done
  echo "paths: ${paths[*]}"
  echo "server memory after the run: $(awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$SERVER/status")"
  echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_server
}

# wrk stops at its deadline, but the server still works through the requests it had accepted: wait until it is idle
# (under a fifth of a core for half a second, at most 30 s) so one page's backlog is not charged to the next.
settle() {
  local before after
  for _ in $(seq 1 60); do
    before=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
    sleep 0.5
    after=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
    if (( after - before < 10 )); then return 0; fi
  done
  echo "(the server was still busy 30 s after wrk stopped)" >&2
  return 0
}

# wrk prints latencies as 812.00us, 3.21ms or 1.02s.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "%s", v }'
}

for mode in "${MODES[@]}"; do run_mode "$mode"; done
