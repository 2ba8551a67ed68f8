# Shared by src/ops/cluster/up, down, restart and faults (sourced, not run): where the cluster
# lives on this machine, its ports, and how each piece is started, stopped and asked whether it
# is ready. Everything is under $CLUSTER_DIR (target/cluster unless set); the machine's own
# MariaDB and nginx are never touched.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/target/cluster}"
NGINX_PORT="${CLUSTER_NGINX_PORT:-9380}"
INSTANCE_PORTS=(${CLUSTER_INSTANCE_PORTS:-9381 9382})
DB_PORT="${CLUSTER_DB_PORT:-9306}"
DB_NAME=hocso
DB_USER=hocso
WLP="$ROOT/target/liberty/wlp"
export WLP_USER_DIR="$CLUSTER_DIR/usr"
DB_DIR="$CLUSTER_DIR/mariadb"
DB_SOCKET="$DB_DIR/mariadb.sock"
NGINX_DIR="$CLUSTER_DIR/nginx"
LOG_DIR="$CLUSTER_DIR/logs"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages for what is missing.
ensure_packages() {
  local need=()
  [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
  command -v mariadb-install-db >/dev/null || need+=(mariadb-server)
  [ -x /usr/sbin/nginx ] || need+=(nginx)
  command -v curl >/dev/null || need+=(curl)
  if [ "${#need[@]}" -gt 0 ]; then
    echo "Installing ${need[*]} from Debian..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  fi
}

instance_name() { echo "hocso-$1"; }              # 1 -> hocso-1
instance_port() { echo "${INSTANCE_PORTS[$(($1 - 1))]}"; }
instance_pid() { pgrep -f "ws-server.jar $(instance_name "$1")( |$)" | head -1; }

# The database: this cluster's own MariaDB, as root through its socket.
db_sql() { as_root mariadb --no-defaults -uroot --socket="$DB_SOCKET" "$@"; }
db_pid() { cat "$DB_DIR/mariadb.pid" 2>/dev/null; }
db_start() {
  as_root mariadbd --no-defaults --datadir="$DB_DIR/data" --port="$DB_PORT" --bind-address=127.0.0.1 \
    --socket="$DB_SOCKET" --pid-file="$DB_DIR/mariadb.pid" --user=root \
    --log-error="$LOG_DIR/mariadb.log" --max-connections=400 \
    --innodb-buffer-pool-size=512M --innodb-flush-log-at-trx-commit=1 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
  disown
  db_wait_ready 120
}
db_wait_ready() { # seconds
  local i
  for ((i = 0; i < $1 * 10; i++)); do
    if as_root mariadb-admin --no-defaults -uroot --socket="$DB_SOCKET" ping --silent >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "The cluster's MariaDB did not answer within $1 s (see $LOG_DIR/mariadb.log)" >&2
  return 1
}

# A Liberty instance: started by Liberty's script, ready when /health/ready says so.
instance_start() { "$WLP/bin/server" start "$(instance_name "$1")" >/dev/null; }
instance_stop() { "$WLP/bin/server" stop "$(instance_name "$1")" >/dev/null 2>&1 || true; }
instance_wait_ready() { # n seconds
  local i url="http://127.0.0.1:$(instance_port "$1")/health/ready"
  for ((i = 0; i < $2 * 10; i++)); do
    if curl -fs -o /dev/null --max-time 2 "$url"; then return 0; fi
    sleep 0.1
  done
  echo "$(instance_name "$1") was not ready within $2 s (see $LOG_DIR/$(instance_name "$1").log)" >&2
  return 1
}

# nginx balances the instances listed in upstream.conf; a reload lets the old workers finish the
# requests they hold and starts new ones with the new list.
nginx_upstreams() { # instance numbers -> upstream.conf, then a reload if nginx runs
  local n
  : > "$NGINX_DIR/upstream.conf.new"
  for n in "$@"; do
    # Passive checks only (Debian's nginx has no active health_check): one failed connection takes
    # the instance out of the rotation for 5 s, after which a live request tries it again.
    echo "server 127.0.0.1:$(instance_port "$n") max_fails=1 fail_timeout=5s;" >> "$NGINX_DIR/upstream.conf.new"
  done
  mv "$NGINX_DIR/upstream.conf.new" "$NGINX_DIR/upstream.conf"
  if nginx_pid >/dev/null; then
    as_root nginx -q -c "$NGINX_DIR/nginx.conf" -s reload 2>"$NGINX_DIR/reload.log" \
      || { cat "$NGINX_DIR/reload.log" >&2; return 1; }
  fi
}
nginx_pid() { local p; p=$(cat "$NGINX_DIR/nginx.pid" 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo "$p"; }
# Waits until no worker of an earlier configuration is left: every request they held is answered.
nginx_wait_old_workers() { # seconds
  local master i
  master=$(nginx_pid) || return 0
  for ((i = 0; i < $1 * 10; i++)); do
    if ! ps --ppid "$master" -o args= | grep -q 'shutting down'; then return 0; fi
    sleep 0.1
  done
  echo "nginx workers of the earlier configuration still hold requests after $1 s" >&2
  return 1
}

# Starts an instance that is down (crashed, or stopped for maintenance) the way nginx's passive
# checks need: nginx knows only whether a connection was refused, and Liberty opens its port before
# the app has loaded its content, so a starting instance left in the upstream list would answer
# 404s. It is taken out first and put back once /health/ready says so.
instance_rejoin() { # n
  local others=() m
  for m in 1 2; do [ "$m" = "$1" ] || others+=("$m"); done
  nginx_upstreams "${others[@]}"
  instance_start "$1"
  instance_wait_ready "$1" 300
  nginx_upstreams 1 2
}

# For the fault scenarios and the cluster's benchmark: new learners with sessions, made in bulk
# (src/bench/ward-data) in the 168 generated wards; writes "account_id token" lines. A session is a
# row holding the SHA-256 of its cookie's token, so the token is made up here rather than by a
# sign-in at 600,000 PBKDF2 iterations each.
cluster_learners() { # count file
  if [ "$(db_sql -N "$DB_NAME" -e "SELECT COUNT(*) FROM ward WHERE code = 'B0001'")" = 0 ]; then
    MARIADB_OPTS="--no-defaults --socket=$DB_SOCKET" "$ROOT/src/bench/ward-data" "$DB_NAME" wards
  fi
  local before first
  before=$(db_sql -N "$DB_NAME" -e 'SELECT COALESCE(MAX(id), 0) FROM account')
  first=$((before + 20000001))
  MARIADB_OPTS="--no-defaults --socket=$DB_SOCKET" "$ROOT/src/bench/ward-data" "$DB_NAME" learners "$first" $((first + $1 - 1)) spread
  db_sql -N "$DB_NAME" > "$2" <<SQL
INSERT INTO session (token_hash, account_id, created_at, expires_at)
  SELECT SHA2(SHA2(CONCAT('cluster-', id), 256), 256), id, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 1 DAY
  FROM account WHERE id > $before;
SELECT id, SHA2(CONCAT('cluster-', id), 256) FROM account WHERE id > $before;
SQL
}

# CPU time a process has used, in milliseconds (user + system, all its threads; /proc/PID/stat).
cpu_ms() { # pid...
  local pid total=0 ticks
  ticks=$(getconf CLK_TCK)
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat") ))
  done
  echo $(( total * 1000 / ticks ))
}

# A build made ready for the instances (up, and restart --war): the war unpacked, its migrations
# applied once, and its hashed stylesheet and scripts exported for nginx beside those of the build
# still running (the pages an old instance serves keep their assets during a rolling restart).
# Needs DB_PASSWORD (secrets.env); writes the exported addresses to static.txt.
deploy_app() { # war jdbc-jar
  rm -rf "$CLUSTER_DIR/app.new"; mkdir -p "$CLUSTER_DIR/app.new"
  (cd "$CLUSTER_DIR/app.new" && jar xf "$1")
  local cp="$CLUSTER_DIR/app.new/WEB-INF/classes:$CLUSTER_DIR/app.new/WEB-INF/lib/*:$2"
  DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME" DB_USER=$DB_USER DB_PASSWORD=$DB_PASSWORD \
    java -cp "$cp" vn.hocso.platform.control.MigrateSchema
  java -cp "$cp" vn.hocso.web.control.ExportStaticAssets "$CLUSTER_DIR/static" > "$CLUSTER_DIR/static.txt"
  rm -rf "$CLUSTER_DIR/app"; mv "$CLUSTER_DIR/app.new" "$CLUSTER_DIR/app"
}
