#!/usr/bin/env bash
# The same sweep through a Spark standalone cluster on 127.0.0.1 with 1 and then 2 workers of one core
# each (plus, for the per-task overhead, the local executor on one thread). Prints wall times, the
# speed-up and the per-task overhead. Usage, from the repository root:
#   bash bench/spark/loopback.sh [SEEDS] [EPOCHS] [TRAIN_ROWS]
# It builds the assembly (spark/target/batchscope-spark.jar) and lists Spark's jars first.
set -euo pipefail
seeds=${1:-4}
epochs=${2:-3}
rows=${3:-2000}
root=$(pwd)
work=$(mktemp -d /tmp/batchscope-spark-bench.XXXXXX)
assembly=$root/spark/target/batchscope-spark.jar

# the assembly, and Spark's jars (a Spark distribution's jars/ folder) from the spark module's class path
mvn -B -o -q -pl spark -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.excludeGroupIds=org.batchscope -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
mkdir -p "$work/spark-home/jars"
tr ':' '\n' < spark/target/bench-classpath.txt | while read -r jar; do ln -sf "$jar" "$work/spark-home/jars/"; done
opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' spark/pom.xml)
export SPARK_HOME=$work/spark-home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
cp="$SPARK_HOME/jars/*"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; pkill -9 -P "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

port=$((20000 + RANDOM % 20000))
java -Xmx512m $opens -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $port \
    --webui-port 0 > "$work/master.log" 2>&1 &
pids+=($!)
until grep -q "elected leader" "$work/master.log"; do sleep 0.5; done
start_worker() {
    java -Xmx512m $opens -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 \
        --memory 1g --webui-port 0 --work-dir "$work/$1" spark://127.0.0.1:$port > "$work/$1.log" 2>&1 &
    pids+=($!)
    until grep -q "Successfully registered" "$work/$1.log"; do sleep 0.5; done
}
batchscope() { java -Xmx1g $opens -Dspark.ui.enabled=false -Dspark.executor.memory=512m -cp "$assembly:$cp" \
    org.batchscope.cli.BatchscopeMain "$@"; }

batchscope generate tabular --out "$work/table" --train "$rows" --val 500 --test 500 --ratio 3 --threads 1 > /dev/null
sweep=(analyze --data "$work/table" --batch-sizes 1,2,4,8 --seeds "$seeds" --epochs "$epochs" --no-report)
seconds() { local t0=$(date +%s.%N); "$@" > /dev/null 2> "$work/last.err" || { cat "$work/last.err"; exit 1; }; echo "$(date +%s.%N) - $t0" | bc; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t_local=$(seconds batchscope "${sweep[@]}" --out "$work/local" --threads 1)
start_worker w1
t_one=$(seconds batchscope "${sweep[@]}" --out "$work/one" --executor spark --master spark://127.0.0.1:$port)
start_worker w2
t_two=$(seconds batchscope "${sweep[@]}" --out "$work/two" --executor spark --master spark://127.0.0.1:$port)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

runs=$(ls "$work/one/runs" | wc -l)
run_seconds=$(python3 -c "
import json,glob,sys
print(sum(json.load(open(f))['timing']['wall_seconds'] for f in glob.glob('$work/one/runs/*.json')))")
echo "runs: $runs; sum of the runs' own wall_seconds (1 worker): $run_seconds s"
echo "local executor, 1 thread: $t_local s"
echo "spark, 1 worker x 1 core: $t_one s"
echo "spark, 2 workers x 1 core: $t_two s"
echo "speed-up 2 workers / 1 worker: $(echo "scale=2; $t_one / $t_two" | bc)"
echo "per-task overhead (1 worker: (sweep - sum of run times) / runs, context start included): $(echo "scale=3; ($t_one - $run_seconds) / $runs" | bc) s"
echo "per-task overhead against the local executor ((spark 1 worker - local 1 thread) / runs): $(echo "scale=3; ($t_one - $t_local) / $runs" | bc) s"
python3 - "$work" <<'PY'
import json, glob, sys
w = sys.argv[1]
def runs(d):
    out = {}
    for f in glob.glob(d + '/runs/*.json'):
        j = json.load(open(f)); j.pop('timing'); out[j['config_hash']] = j
    return out
a, b, c = runs(w + '/local'), runs(w + '/one'), runs(w + '/two')
print('run files identical up to timing (local = 1 worker = 2 workers):', a == b == c, len(a))
PY
