#!/usr/bin/env bash
# Moves TAG (staging) of each named image to the digest a delivery deployed, which is how the next run's
# delivery-plan.sh knows what staging runs. Only manifests are written: the blobs and the signatures, which belong to
# the digest, stay as they are.
set -euo pipefail
usage="usage: deploy/pipeline/promote.sh --refs FILE --names FILE --tag TAG
  --refs FILE   the images, as image-refs.sh writes them
  --names FILE  the images to move, one a line (image-refs.sh's pushed)
  --tag TAG     e.g. staging"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

refs="" names="" tag=""
while [ $# -gt 0 ]; do
  case "$1" in
    --refs|--names|--tag) [ $# -ge 2 ] || usage_error; declare "${1#--}=$2"; shift 2 ;;
    *) usage_error ;;
  esac
done
for required in "$refs" "$names" "$tag"; do [ -n "$required" ] || usage_error; done
use_registry_login

while IFS= read -r name; do
  [ -n "$name" ] || continue
  ref=$(sed -n "s/^$name=//p" "$refs")
  [ -n "$ref" ] || die "$refs names no image for $name"
  skopeo copy --all --preserve-digests "docker://$ref" "docker://${ref%@*}:$tag"
  echo "$name: ${ref%@*}:$tag is now ${ref#*@}"
done < "$names"
