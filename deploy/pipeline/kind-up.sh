#!/usr/bin/env bash
# A kind cluster for the delivery gate: its kubelet pulls with the runner's registry login (the config.json
# docker/login-action writes, mounted where the kubelet looks for one), so the pods pull the pushed images by digest
# for their own platform, as a real cluster does. Installs Istio's control plane and, when the manifests declare
# Strimzi resources, the Strimzi operator in the version deploy/k8s builds its models from.
set -euo pipefail
usage="usage: deploy/pipeline/kind-up.sh [--root DIR] [--name NAME] [--for RENDERED]
  --name NAME      the cluster (hailway)
  --for RENDERED   the manifests that will be applied (render.sh's rendered.yaml), for the operators they need
  ISTIO_VERSION    Istio's version (1.28.0)"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
name=hailway rendered=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root|--name) [ $# -ge 2 ] || usage_error; declare "${1#--}=$2"; shift 2 ;;
    --for) [ $# -ge 2 ] || usage_error; rendered=$2; shift 2 ;;
    *) usage_error ;;
  esac
done
istio_version=${ISTIO_VERSION:-1.28.0}
login="${DOCKER_CONFIG:-$HOME/.docker}/config.json"
grep -q '"auths"' "$login" 2>/dev/null || die "no registry login in $login (docker/login-action first)"

config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<YAML
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
    extraMounts:
      - hostPath: $login
        containerPath: /var/lib/kubelet/config.json
        readOnly: true
YAML
kind create cluster --name "$name" --config "$config" --wait 180s

helm repo add istio https://istio-release.storage.googleapis.com/charts --force-update
helm upgrade --install istio-base istio/base --namespace istio-system --create-namespace --version "$istio_version" --wait
helm upgrade --install istiod istio/istiod --namespace istio-system --version "$istio_version" --wait

if [ -n "$rendered" ] && grep -q '^apiVersion: kafka\.strimzi\.io/' "$rendered"; then
  strimzi=$(pom_values "$root/deploy/k8s/pom.xml" project/properties/strimzi.version)
  [ -n "$strimzi" ] || die "deploy/k8s/pom.xml names no strimzi.version"
  helm upgrade --install strimzi oci://quay.io/strimzi-helm/strimzi-kafka-operator --version "$strimzi" \
    --namespace strimzi --create-namespace --set watchAnyNamespace=true --wait
fi
kubectl get nodes -o wide
