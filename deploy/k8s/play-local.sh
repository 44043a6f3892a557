#!/usr/bin/env bash
# Runs a Kustomize overlay of Hailway under podman kube play on this machine (default: deploy/k8s/overlays/local):
#   deploy/k8s/play-local.sh up [OVERLAY]     render it, make the volumes its pods claim, play it
#   deploy/k8s/play-local.sh down [OVERLAY]   stop and remove its pods (the volumes stay)
# Needs the images (./hailway images) and the credentials ConfigMaps of ./hailway env, one file each in
# .hailway/containers/kube/ (or $HAILWAY_KUBE_CREDENTIALS): podman 4.3 reads no Secrets from the YAML it plays, and
# takes one ConfigMap per --configmap file. Pods use the host network and bind 127.0.0.1; the gateway answers on the
# overlay's port (8080 for the local overlay) once every service is ready.
set -euo pipefail
cd "$(dirname "$0")/../.."

action="${1:-}"
overlay="${2:-deploy/k8s/overlays/local}"
credentials="${HAILWAY_KUBE_CREDENTIALS:-.hailway/containers/kube}"
engine="${HAILWAY_CONTAINER_ENGINE:-podman}"
case "$action" in up|down) ;; *) sed -n '2,4p' "$0" >&2; exit 64 ;; esac

rendered="$(mktemp "${TMPDIR:-/tmp}/hailway-kube.XXXXXX.yaml")"
trap 'rm -f "$rendered"' EXIT
# An empty KUBECONFIG: kubectl must not reach for a cluster at localhost:8080, where the gateway may answer.
KUBECONFIG=/dev/null kubectl kustomize "$overlay" > "$rendered"

if [ "$action" = down ]; then
  "$engine" kube down "$rendered" >/dev/null
  echo "stopped the pods of $overlay"
  exit 0
fi

if ! compgen -G "$credentials/*.yaml" >/dev/null; then
  echo "no credentials in $credentials: run ./hailway env first" >&2; exit 1
fi
configmaps=()
for file in "$credentials"/*.yaml; do configmaps+=(--configmap "$file"); done
# podman 4.3 refuses a PersistentVolumeClaim whose volume exists: the overlay claims volumes made here instead.
for volume in $(awk '/claimName:/ {print $2}' "$rendered" | sort -u); do
  "$engine" volume exists "$volume" || "$engine" volume create "$volume" >/dev/null
done
"$engine" kube play "${configmaps[@]}" "$rendered" >/dev/null
echo "playing $overlay: $(grep -c '^kind: Deployment' "$rendered") pods"
