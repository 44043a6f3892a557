#!/usr/bin/env bash
# Renders an overlay with its extra components and the delivery's images into OUT/rendered.yaml: a Kustomization in
# OUT that points at them (nothing is written into deploy/k8s), built with kubectl's Kustomize, then held to the
# delivery by check-images.sh.
set -euo pipefail
usage="usage: deploy/pipeline/render.sh [--root DIR] --overlay DIR [--component DIR]... --refs FILE --out DIR
  --overlay DIR    e.g. deploy/k8s/overlays/dev (relative to the repository)
  --component DIR  e.g. deploy/k8s/components/istio, added to the overlay's own
  --refs FILE      the images, as image-refs.sh writes them
  --out DIR        where kustomization.yaml and rendered.yaml are written"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
overlay="" refs="" out="" components=()
while [ $# -gt 0 ]; do
  case "$1" in
    --root|--overlay|--refs|--out) [ $# -ge 2 ] || usage_error; declare "${1#--}=$2"; shift 2 ;;
    --component) [ $# -ge 2 ] || usage_error; components+=("$2"); shift 2 ;;
    *) usage_error ;;
  esac
done
[ -n "$overlay" ] || usage_error
[ -n "$refs" ] || usage_error
[ -n "$out" ] || usage_error
[ -d "$root/$overlay" ] || die "no overlay $overlay"
for component in "${components[@]}"; do
  [ -d "$root/$component" ] || die "no component $component"
done
[ -s "$refs" ] || die "no images in $refs"

mkdir -p "$out"
out=$(cd "$out" && pwd)
relative() {
  realpath --relative-to="$out" "$root/$1"
}
{
  echo "# Written by deploy/pipeline/render.sh: $overlay, ${components[*]:-no other components}, and the images of one delivery."
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "resources:"
  echo "  - $(relative "$overlay")"
  if [ ${#components[@]} -gt 0 ]; then
    echo "components:"
    for component in "${components[@]}"; do echo "  - $(relative "$component")"; done
  fi
  echo "images:"
  while IFS='=' read -r name ref; do
    [ -n "$name" ] || continue
    # Under the build's own name (localhost/hailway/trips) and under the registry's, should an overlay use that.
    for from in "localhost/hailway/$name" "${ref%@*}"; do
      echo "  - name: $from"
      echo "    newName: ${ref%@*}"
      echo "    digest: ${ref#*@}"
    done
  done < "$refs"
} > "$out/kustomization.yaml"

kubectl kustomize "$out" > "$out/rendered.yaml"
"$here/check-images.sh" --root "$root" "$out/rendered.yaml" "$refs"
echo "rendered $overlay into $out/rendered.yaml"
