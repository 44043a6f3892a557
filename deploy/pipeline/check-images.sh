#!/usr/bin/env bash
# Holds rendered manifests to a delivery: every service runs the image the delivery names (by digest), and no
# container is left on any other Hailway image (a local localhost/hailway/... reference, a tag, another digest),
# which is what a renamed image in a base would otherwise do silently.
set -euo pipefail
usage="usage: deploy/pipeline/check-images.sh [--root DIR] RENDERED REFS
  RENDERED  manifests, as kubectl kustomize prints them
  REFS      the images, as image-refs.sh writes them"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
if [ "${1:-}" = --root ] && [ $# -ge 2 ]; then root=$2; shift 2; fi
if [ $# -ne 2 ] || [[ "$1" == -* ]]; then usage_error; fi
rendered=$1 refs=$2
[ -f "$rendered" ] || die "no manifests at $rendered"
[ -f "$refs" ] || die "no images at $refs"

mapfile -t used < <(sed -n 's/^[[:space:]-]*image:[[:space:]]*["'\'']\{0,1\}\([^"'\'' ]*\).*/\1/p' "$rendered" | sort -u)
declare -A expected=()
while IFS='=' read -r name ref; do
  [ -n "$name" ] && expected[$ref]=$name
done < "$refs"

problems=0
for image in "${used[@]}"; do
  if [[ "$image" == *hailway* ]] && [ -z "${expected[$image]:-}" ]; then
    echo "check-images: $rendered runs $image, which is not an image of this delivery" >&2
    problems=$((problems + 1))
  fi
done
while IFS= read -r service; do
  ref=$(sed -n "s/^$service=//p" "$refs")
  if [ -z "$ref" ]; then
    echo "check-images: $refs names no image for $service" >&2
    problems=$((problems + 1))
  elif ! printf '%s\n' "${used[@]}" | grep -xF "$ref" > /dev/null; then
    echo "check-images: no container in $rendered runs $service's $ref" >&2
    problems=$((problems + 1))
  fi
done < <(reactor_services "$root")
[ "$problems" -eq 0 ] || exit 1
