#!/usr/bin/env bash
# Pushes one image of the build (localhost/hailway/NAME:VERSION, every platform it was built for) to the registry,
# signs it and attaches its SBOM as a signed CycloneDX attestation, both keyless: cosign gets a short-lived
# certificate for the workflow's OIDC identity, and the signature goes to the public transparency log. Writes the
# pushed digest to OUT/NAME, for image-refs.sh.
set -euo pipefail
usage="usage: deploy/pipeline/publish-image.sh [--root DIR] --image NAME --registry REGISTRY --tag TAG --out DIR
  --image NAME         kafka, postgres or a service
  --registry REGISTRY  e.g. ghcr.io/owner (pushed as REGISTRY/hailway-NAME:TAG)
  --tag TAG            e.g. the commit
  --out DIR            where the digest is written"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
image="" registry="" tag="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root|--image|--registry|--tag|--out) [ $# -ge 2 ] || usage_error; declare "${1#--}=$2"; shift 2 ;;
    *) usage_error ;;
  esac
done
for required in "$image" "$registry" "$tag" "$out"; do [ -n "$required" ] || usage_error; done
hailway_images "$root" | grep -xF "$image" > /dev/null || die "$image is not an image of this repository"
use_registry_login

local_ref="localhost/hailway/$image:$(hailway_version "$root")"
repository=$(image_repository "$registry" "$image")
sbom="$root/deploy/images/target/images/$image.cdx.json"
[ -f "$sbom" ] || die "no SBOM at $sbom: was the image built (./hailway images $image)?"

digest_file=$(mktemp)
trap 'rm -f "$digest_file"' EXIT
# An all-platforms build leaves a manifest list; a build for this machine only, a plain image.
if podman manifest exists "$local_ref"; then
  podman manifest push --all --digestfile "$digest_file" "$local_ref" "docker://$repository:$tag"
else
  podman push --digestfile "$digest_file" "$local_ref" "docker://$repository:$tag"
fi
digest=$(tr -d '[:space:]' < "$digest_file")
[[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || die "podman reported no digest for $repository:$tag"

cosign sign --yes "$repository@$digest"
cosign attest --yes --type cyclonedx --predicate "$sbom" "$repository@$digest"

mkdir -p "$out"
echo "$digest" > "$out/$image"
echo "pushed and signed $repository:$tag ($digest)"
