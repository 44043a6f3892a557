# shellcheck shell=bash
# Sourced by the pipeline's scripts: what the reactor declares (modules, services, images, version), read from the
# poms so that no list of services is kept here.

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# The caller's $usage on standard error and exit code 64, as ./hailway does for an option it does not know.
usage_error() {
  # shellcheck disable=SC2154 # every script sets its own
  echo "$usage" >&2
  exit 64
}

# The text of every element at PATH (project/dependencies/dependency/artifactId) in the pom FILE. A tag stream rather
# than an XML parser: the runners and this machine have awk, and the poms are plain (no CDATA, no entities).
pom_values() {
  local file=$1 path=$2
  [ -f "$file" ] || die "no pom at $file"
  awk -v want="$path" '
    BEGIN { RS = "<" }
    NR == 1 { next }
    incomment { if (index($0, "-->")) incomment = 0; next }
    /^!--/ { if (!index($0, "-->")) incomment = 1; next }
    /^[?!]/ { next }
    {
      tag = $0; sub(/>.*/, "", tag)
      if (tag ~ /^\//) { depth--; next }
      if (tag ~ /\/$/) next
      name = tag; sub(/[ \t\r\n].*/, "", name)
      stack[++depth] = name
      p = stack[1]; for (i = 2; i <= depth; i++) p = p "/" stack[i]
      if (p != want) next
      text = $0; sub(/^[^>]*>/, "", text); gsub(/^[ \t\r\n]+|[ \t\r\n]+$/, "", text)
      print text
    }' "$file"
}

reactor_modules() {
  pom_values "$1/pom.xml" project/modules/module
}

reactor_services() {
  reactor_modules "$1" | sed -n 's:^services/\([^/]*\)$:\1:p'
}

# The images of the platform in ImageBuild's order: Kafka, PostgreSQL, then every service.
hailway_images() {
  echo kafka
  echo postgres
  reactor_services "$1"
}

hailway_version() {
  pom_values "$1/pom.xml" project/version | head -n 1
}

# ghcr.io/Owner/hailway-trips: OCI repository names are lower case, GitHub owners need not be.
image_repository() {
  local registry=$1 name=$2
  echo "${registry,,}/hailway-$name"
}

# podman, skopeo and cosign read the login docker/login-action wrote, wherever they run from.
use_registry_login() {
  export REGISTRY_AUTH_FILE="${REGISTRY_AUTH_FILE:-${DOCKER_CONFIG:-$HOME/.docker}/config.json}"
}

# ["a","b"] from its arguments.
json_array() {
  local out="" item
  for item in "$@"; do out+="${out:+,}\"$item\""; done
  echo "[$out]"
}
