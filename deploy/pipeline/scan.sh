#!/usr/bin/env bash
# Vulnerability scans with Trivy, failing on a HIGH or CRITICAL finding that has a fixed version. Findings without a
# fix are left out: nothing a pull request can act on, and they would drown the rest. Every target is scanned before
# the script fails, so one run lists everything.
set -euo pipefail
usage="usage: deploy/pipeline/scan.sh [--root DIR] (sboms | images)
  sboms   the dependencies: the CycloneDX SBOMs the build wrote (services/<name>/target/<name>.cdx.json, and
          deploy/images/target/images/<name>.cdx.json where it differs: Kafka's and PostgreSQL's)
  images  the images in podman's store (localhost/hailway/<name>:<version>), the base's packages included"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
what=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || usage_error; root=$2; shift 2 ;;
    sboms|images) what=$1; shift ;;
    *) usage_error ;;
  esac
done
[ -n "$what" ] || usage_error

findings=()
scan() {
  local target=$1; shift
  echo "::group::$target"
  if ! trivy "$@" --scanners vuln --severity HIGH,CRITICAL --ignore-unfixed --exit-code 1 --no-progress; then
    findings+=("$target")
  fi
  echo "::endgroup::"
}

case "$what" in
  sboms)
    while IFS= read -r service; do
      sbom="$root/services/$service/target/$service.cdx.json"
      [ -f "$sbom" ] || die "no SBOM at $sbom: run the build first"
      scan "$service (SBOM)" sbom "$sbom"
    done < <(reactor_services "$root")
    for sbom in "$root"/deploy/images/target/images/*.cdx.json; do
      [ -f "$sbom" ] || continue
      name=$(basename "$sbom" .cdx.json)
      if [ -f "$root/services/$name/target/$name.cdx.json" ] && cmp -s "$sbom" "$root/services/$name/target/$name.cdx.json"; then
        continue
      fi
      scan "$name image (SBOM)" sbom "$sbom"
    done ;;
  images)
    archives=$(mktemp -d)
    trap 'rm -rf "$archives"' EXIT
    version=$(hailway_version "$root")
    while IFS= read -r name; do
      ref="localhost/hailway/$name:$version"
      podman image exists "$ref" || die "no image $ref in podman's store: run the build first"
      # Trivy reads an archive without a podman socket, which this kind of machine does not run.
      podman save --quiet --format oci-archive --output "$archives/$name.tar" "$ref"
      scan "$ref" image --input "$archives/$name.tar"
      rm -f "$archives/$name.tar"
    done < <(hailway_images "$root") ;;
esac

if [ ${#findings[@]} -gt 0 ]; then
  die "fixable HIGH or CRITICAL vulnerabilities in: ${findings[*]}"
fi
echo "no fixable HIGH or CRITICAL vulnerability in the $what"
