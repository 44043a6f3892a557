#!/usr/bin/env bash
# Applies a render to the cluster kubectl points at, after proving its images: each one signed by the pipeline's own
# identity (cosign, keyless) and each one the delivery's (check-images.sh). Then waits for the rollouts: of every
# workload on a new cluster, or of the delivered ones where the rest already runs (only the Deployments whose images
# changed roll, since apply leaves an unchanged spec alone).
set -euo pipefail
usage="usage: deploy/pipeline/deploy.sh --dir DIR --refs FILE --signer IDENTITY [--rollout all|FILE] [--timeout DURATION]
  --dir DIR          render.sh's output (DIR/rendered.yaml)
  --refs FILE        the images, as image-refs.sh writes them
  --signer IDENTITY  the certificate identity each image must be signed with, e.g.
                     https://github.com/OWNER/REPO/.github/workflows/main.yml@refs/heads/main
  --rollout          the workloads to wait for: all (a new cluster), or a file naming them (image-refs.sh's pushed)
  --timeout          for each rollout (10m)"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
dir="" refs="" signer="" rollout=all timeout=10m
while [ $# -gt 0 ]; do
  case "$1" in
    --dir|--refs|--signer|--rollout|--timeout) [ $# -ge 2 ] || usage_error; declare "${1#--}=$2"; shift 2 ;;
    *) usage_error ;;
  esac
done
for required in "$dir" "$refs" "$signer"; do [ -n "$required" ] || usage_error; done
rendered="$dir/rendered.yaml"
use_registry_login

while IFS='=' read -r name ref; do
  [ -n "$name" ] || continue
  cosign verify --certificate-identity "$signer" --certificate-oidc-issuer https://token.actions.githubusercontent.com \
    "$ref" > /dev/null || die "$ref is not signed by $signer"
  echo "$name: $ref, signed by the pipeline"
done < "$refs"
"$here/check-images.sh" --root "$root" "$rendered" "$refs"

kubectl apply -f "$rendered"

mapfile -t workloads < <(kubectl get -f "$rendered" \
  -o jsonpath='{range .items[*]}{.kind} {.metadata.name} {.metadata.namespace}{"\n"}{end}' | grep -E '^(Deployment|StatefulSet) ')
if [ "$rollout" = all ]; then
  wanted=$(printf '%s\n' "${workloads[@]}" | cut -d' ' -f2)
else
  wanted=$(cat "$rollout")
fi
while IFS= read -r name; do
  [ -n "$name" ] || continue
  workload=$(printf '%s\n' "${workloads[@]}" | awk -v n="$name" '$2 == n' | head -n 1)
  if [ -z "$workload" ]; then
    # Kafka and PostgreSQL may come from operators or elsewhere in an overlay; a service may not be missing.
    if reactor_services "$root" | grep -xF "$name" > /dev/null; then die "no Deployment $name in $rendered"; fi
    echo "$name: no workload of that name in this overlay"
    continue
  fi
  read -r kind _ namespace <<< "$workload"
  kubectl rollout status "${kind,,}/$name" --namespace "${namespace:-default}" --timeout "$timeout"
done <<< "$wanted"
