#!/usr/bin/env bash
# What main has to deliver: every image whose inputs changed since the commit its image in staging was built from
# (the label org.opencontainers.image.revision of REGISTRY/hailway-<name>:TAG), by changed-services.sh's rules. An
# image staging does not have, or whose commit is unknown here, is due as a whole. Comparing with what staging runs,
# not with the previous push, means nothing is lost when a run fails, is cancelled or waits for its approval while
# the next push arrives: whatever has not reached staging is due again.
# Prints the same step outputs as changed-services.sh (services=[...], images=[...]) and why, on standard error.
set -euo pipefail
usage="usage: deploy/pipeline/delivery-plan.sh [--root DIR] --registry REGISTRY [--tag TAG] [--all]
  --registry REGISTRY  where the images are, e.g. ghcr.io/owner (images REGISTRY/hailway-<name>)
  --tag TAG            the tag that says what staging runs (staging)
  --all                everything is due"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
registry="" tag=staging all=false
while [ $# -gt 0 ]; do
  case "$1" in
    --root|--registry|--tag) [ $# -ge 2 ] || usage_error; declare "${1#--}=$2"; shift 2 ;;
    --all) all=true; shift ;;
    *) usage_error ;;
  esac
done
[ -n "$registry" ] || usage_error

if $all; then
  echo "everything is due (--all)" >&2
  exec "$here/changed-services.sh" --root "$root" --all
fi
use_registry_login
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

# The images output of changed-services.sh, one name a line.
touched_by() {
  "$here/changed-services.sh" --root "$root" "$@" | sed -n 's/^images=\[\(.*\)\]$/\1/p' | tr -d '"' | tr ',' '\n'
}

declare -A due_since=()
due=()
while IFS= read -r name; do
  repository=$(image_repository "$registry" "$name")
  if ! revision=$(skopeo inspect --no-tags --format '{{ index .Labels "org.opencontainers.image.revision" }}' \
    "docker://$repository:$tag" 2>"$errors" < /dev/null); then
    revision="no image: $(head -n 1 "$errors")"
  fi
  if ! [[ "$revision" =~ ^[0-9a-f]{40}$ ]] || ! git -C "$root" cat-file -e "$revision^{commit}" 2>/dev/null; then
    echo "$name: due, $repository:$tag has no commit known here ($revision)" >&2
    due+=("$name")
    continue
  fi
  if [ -z "${due_since[$revision]+set}" ]; then
    due_since[$revision]=" $(touched_by --since "$revision" | tr '\n' ' ')"
  fi
  if [[ "${due_since[$revision]}" == *" $name "* ]]; then
    echo "$name: due, changed since ${revision:0:12}" >&2
    due+=("$name")
  else
    echo "$name: staging is up to date (${revision:0:12})" >&2
  fi
done < <(hailway_images "$root")

picked=()
while IFS= read -r service; do
  if [[ " ${due[*]} " == *" $service "* ]]; then picked+=("$service"); fi
done < <(reactor_services "$root")
echo "services=$(json_array "${picked[@]}")"
echo "images=$(json_array "${due[@]}")"
