#!/usr/bin/env bash
# Sets podman up as .ci/run does, for jobs that build images without running the whole of .ci/run: podman and runc,
# and .ci/run's own /etc/containers/containers.conf (runc, the cgroupfs manager, default ulimits the machine allows),
# read from .ci/run so that the two cannot drift apart. Run as root (as-root.sh).
set -euo pipefail
usage="usage: deploy/pipeline/podman-setup.sh [--root DIR] [--print-config]
  --print-config  print the containers.conf it would write, and nothing else"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

root=$(cd "$here/../.." && pwd)
print=false
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || usage_error; root=$2; shift 2 ;;
    --print-config) print=true; shift ;;
    *) usage_error ;;
  esac
done

# The here-document .ci/run writes to /etc/containers/containers.conf.
config=$(sed -n "/containers\.conf <<'EOF'\$/,/^EOF\$/{//!p}" "$root/.ci/run")
if ! grep -q '^runtime = "runc"' <<< "$config" || ! grep -q '^cgroup_manager = "cgroupfs"' <<< "$config"; then
  die ".ci/run no longer writes containers.conf as a here-document with runc and cgroupfs; update this script"
fi
if $print; then
  echo "$config"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "run as root (deploy/pipeline/as-root.sh $0)"
if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq podman runc >/dev/null
fi
mkdir -p /etc/containers
echo "$config" > /etc/containers/containers.conf
podman version --format 'podman {{.Client.Version}}'
podman info --format 'runtime {{.Host.OCIRuntime.Name}}, cgroups {{.Host.CgroupManager}}'
