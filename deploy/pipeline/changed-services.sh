#!/usr/bin/env bash
# The services and images a change touches, computed from the reactor's poms, as GitHub step outputs for the
# pipeline's matrices:
#   services=["payments","trips"]   whose tests run (./mvnw verify -pl services/<name> -am)
#   images=["payments","trips"]     which are built, pushed and rolled out
# Rules, by the module that owns a changed path:
#   - the root pom, .mvn, mvnw, build-parent, platform/*, contracts/common-api, deploy/images: everything (they are in
#     every service's build, or make every image);
#   - services/<name>: that service;
#   - contracts/<x>-api (or any module): every service depending on it, directly or through other modules;
#   - runtime: the Kafka and PostgreSQL images, which run the launcher's class path;
#   - anything else (docs, e2e, simulator, deploy/k8s, .github): nothing; the pull request ran the whole build.
set -euo pipefail
usage="usage: deploy/pipeline/changed-services.sh [--root DIR] (--all | --paths FILE | --since COMMIT)
  --paths FILE    the changed paths, one a line, relative to the repository (- reads standard input)
  --since COMMIT  what changed from COMMIT to HEAD; an unknown or all-zero COMMIT (a new branch) means everything"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
mode="" source_arg=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || usage_error; root=$2; shift 2 ;;
    --all) mode=all; shift ;;
    --paths|--since) [ $# -ge 2 ] || usage_error; mode=${1#--}; source_arg=$2; shift 2 ;;
    *) usage_error ;;
  esac
done
[ -n "$mode" ] || usage_error

mapfile -t modules < <(reactor_modules "$root")
mapfile -t services < <(reactor_services "$root")

changed_paths() {
  case "$mode" in
    paths) if [ "$source_arg" = - ]; then cat; else cat -- "$source_arg"; fi ;;
    since)
      if [[ "$source_arg" =~ ^0*$ ]] || ! git -C "$root" cat-file -e "$source_arg^{commit}" 2>/dev/null; then
        echo pom.xml
      else
        # Both sides of a rename: a file moved out of a module changes that module too.
        git -C "$root" diff --name-only --no-renames "$source_arg" HEAD
      fi ;;
    all) echo pom.xml ;;
  esac
}

owner_of() {
  local path=$1 module best=""
  for module in "${modules[@]}"; do
    if [[ "$path" == "$module/"* ]] && [ ${#module} -gt ${#best} ]; then best=$module; fi
  done
  echo "$best"
}

declare -A artifact_of deps_of
for module in "${modules[@]}"; do
  artifact_of[$module]=$(pom_values "$root/$module/pom.xml" project/artifactId | head -n 1)
  deps_of[$module]=" $(pom_values "$root/$module/pom.xml" project/dependencies/dependency/artifactId | tr '\n' ' ')"
done

everything=false infra=false
declare -A touched=()
while IFS= read -r path; do
  path=${path#./}
  [ -n "$path" ] || continue
  case "$path" in
    pom.xml|mvnw|.mvn/*) everything=true; continue ;;
  esac
  owner=$(owner_of "$path")
  case "$owner" in
    "") ;;
    build-parent|platform/*|contracts/common-api|deploy/images) everything=true ;;
    runtime) infra=true; touched[$owner]=1 ;;
    *) touched[$owner]=1 ;;
  esac
done < <(changed_paths)

# Every module built from a touched one, until nothing more is added.
grown=true
while $grown; do
  grown=false
  for module in "${modules[@]}"; do
    [ -z "${touched[$module]:-}" ] || continue
    for dependency in "${!touched[@]}"; do
      if [[ "${deps_of[$module]}" == *" ${artifact_of[$dependency]} "* ]]; then
        touched[$module]=1 grown=true
        break
      fi
    done
  done
done

picked=()
for service in "${services[@]}"; do
  if $everything || [ -n "${touched[services/$service]:-}" ]; then picked+=("$service"); fi
done
images=()
if $everything || $infra; then images+=(kafka postgres); fi
images+=("${picked[@]}")

echo "services=$(json_array "${picked[@]}")"
echo "images=$(json_array "${images[@]}")"
