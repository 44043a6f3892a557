#!/usr/bin/env bash
# Forwards 127.0.0.1:PORT to a Service of the cluster in the background, for as long as the job runs: the gate's
# simulator reaches the gateway as a client would, without an ingress in the kind cluster. Started again whenever it
# drops (a pod restarting ends a port-forward).
set -euo pipefail
usage="usage: deploy/pipeline/port-forward.sh SERVICE PORT
  e.g. deploy/pipeline/port-forward.sh gateway 8080 (the Service's port 8080 on 127.0.0.1:8080)"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

if [ $# -ne 2 ] || [[ "$1" == -* ]]; then usage_error; fi
service=$1 port=$2
namespace=$(kubectl get services --all-namespaces --field-selector "metadata.name=$service" \
  -o jsonpath='{.items[0].metadata.namespace}')
[ -n "$namespace" ] || die "no Service $service in the cluster"

log="${RUNNER_TEMP:-/tmp}/port-forward-$service.log"
nohup bash -c "while true; do kubectl port-forward --namespace '$namespace' 'service/$service' '$port:$port' --address 127.0.0.1; sleep 1; done" \
  >> "$log" 2>&1 &
for _ in $(seq 1 60); do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "127.0.0.1:$port forwards to service/$service in $namespace (log: $log)"
    exit 0
  fi
  sleep 1
done
die "127.0.0.1:$port does not answer; $(tail -n 5 "$log")"
