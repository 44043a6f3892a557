#!/usr/bin/env bash
# The images one delivery deploys, by digest: this run's where it pushed one (a file PUSHED/<name> holding the
# digest, as publish-image.sh writes), and for every other image the one staging runs now (REGISTRY/hailway-<name>:TAG).
# Resolved once, so that the kind gate and staging get the same images.
# Writes OUT/refs.env (kafka=ghcr.io/owner/hailway-kafka@sha256:..., every image) and OUT/pushed (this run's names).
set -euo pipefail
usage="usage: deploy/pipeline/image-refs.sh [--root DIR] --registry REGISTRY --pushed DIR --out DIR [--tag TAG]
  --registry REGISTRY  e.g. ghcr.io/owner
  --pushed DIR         one file per image this run pushed, named after it, holding its digest
  --out DIR            where refs.env and pushed are written
  --tag TAG            what staging runs (staging)"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
registry="" pushed="" out="" tag=staging
while [ $# -gt 0 ]; do
  case "$1" in
    --root|--registry|--pushed|--out|--tag) [ $# -ge 2 ] || usage_error; declare "${1#--}=$2"; shift 2 ;;
    *) usage_error ;;
  esac
done
[ -n "$registry" ] || usage_error
[ -n "$pushed" ] || usage_error
[ -n "$out" ] || usage_error
if ! [ -d "$pushed" ] || [ -z "$(ls -A "$pushed")" ]; then
  die "no image of this run was pushed (nothing in $pushed)"
fi
for file in "$pushed"/*; do
  [[ "$(tr -d '[:space:]' < "$file")" =~ ^sha256:[0-9a-f]{64}$ ]] || die "$file holds no digest: $(head -c 100 "$file")"
done
use_registry_login

mkdir -p "$out"
: > "$out/refs.env"
: > "$out/pushed"
while IFS= read -r name; do
  repository=$(image_repository "$registry" "$name")
  if [ -f "$pushed/$name" ]; then
    digest=$(tr -d '[:space:]' < "$pushed/$name")
    echo "$name" >> "$out/pushed"
  else
    # The digest of the manifest (list) as the registry stores it: what a pull by that digest gets.
    if ! digest=$(skopeo inspect --raw "docker://$repository:$tag" | sha256sum); then
      die "no $repository:$tag to deploy beside this run's images; run the workflow with everything once"
    fi
    digest="sha256:${digest%% *}"
  fi
  echo "$name=$repository@$digest" >> "$out/refs.env"
done < <(hailway_images "$root")
cat "$out/refs.env"
