# Sourced by the database benchmarks (bench/all.sh, postgres-throughput.sh, mariadb-throughput.sh): the
# 10-column benchmark table, in database solidafy_bench, made when it is missing or holds another number
# of rows. The same columns on both servers, so that their figures compare.

# postgres_bench_table "PSQL" TABLE ROWS   (PSQL: the psql command line without -d)
postgres_bench_table() {
  local psql=$1 table=$2 rows=$3
  if ! $psql -d postgres -Atc "select 1 from pg_database where datname = 'solidafy_bench'" | grep -q 1; then
    $psql -d postgres -c "create database solidafy_bench" > /dev/null
  fi
  if [ "$($psql -d solidafy_bench -Atc "select count(*) from pg_class where relname = '$table' and relnamespace = 'public'::regnamespace")" = "0" ] \
    || [ "$($psql -d solidafy_bench -Atc "select count(*) from public.$table")" != "$rows" ]; then
    echo "== creating solidafy_bench.public.$table with $rows rows" >&2
    $psql -d solidafy_bench -c "drop table if exists public.$table" -c "create table public.$table (
        id bigint primary key, created_at timestamptz not null, name text, amount numeric(12,2), qty int,
        price double precision, active boolean, day date, note text, code varchar(16))" \
      -c "insert into public.$table select g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second', 'name-' || g,
        (g % 100000) / 100.0, g % 1000, g * 0.25, g % 2 = 0, date '2020-01-01' + (g % 2000),
        'note number ' || g || ' with some text', 'C' || (g % 9973) from generate_series(1, $rows) g" \
      -c "vacuum analyze public.$table" > /dev/null
  fi
}

# mariadb_bench_table "MYSQL" ROWS   (MYSQL: the mariadb command line): solidafy_bench.bench_rows
mariadb_bench_table() {
  local mysql=$1 rows=$2
  $mysql -e "create database if not exists solidafy_bench"
  if [ "$($mysql -N -e "select count(*) from information_schema.tables where table_schema = 'solidafy_bench' and table_name = 'bench_rows'")" = "0" ] \
    || [ "$($mysql -N -e "select count(*) from solidafy_bench.bench_rows")" != "$rows" ]; then
    echo "== creating solidafy_bench.bench_rows with $rows rows" >&2
    $mysql solidafy_bench -e "drop table if exists bench_rows; create table bench_rows (
        id bigint primary key, created_at datetime(6) not null, name text, amount decimal(12,2), qty int,
        price double, active boolean, day date, note text, code varchar(16));
      insert into bench_rows select seq, timestamp '2024-01-01 00:00:00' + interval seq second, concat('name-', seq),
        (seq % 100000) / 100.0, seq % 1000, seq * 0.25, seq % 2 = 0, date '2020-01-01' + interval (seq % 2000) day,
        concat('note number ', seq, ' with some text'), concat('C', seq % 9973) from seq_1_to_$rows"
  fi
}
