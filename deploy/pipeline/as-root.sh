#!/usr/bin/env bash
# Runs a command as root with the caller's environment. The images are built and tested with rootful podman, as on
# the machines this repository's CI set-up (.ci/run) was written for: rootless podman on a runner, with the cgroupfs
# manager, cannot set the memory limits the image build's training runs and the containers use.
set -euo pipefail
usage="usage: deploy/pipeline/as-root.sh COMMAND [ARG]...
  e.g. deploy/pipeline/as-root.sh bash .ci/run"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

if [ $# -eq 0 ] || [[ "$1" == -* ]]; then usage_error; fi
if [ "$(id -u)" -eq 0 ]; then
  exec "$@"
fi
root=$(cd "$here/../.." && pwd)
# sudo would reset PATH (losing the JDK and tools that setup actions installed) and HOME (~/.m2, the registry login),
# and git would refuse a checkout owned by another user, leaving the images without their commit label.
exec sudo --preserve-env env "PATH=$PATH" "HOME=$HOME" \
  GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=safe.directory "GIT_CONFIG_VALUE_0=$root" "$@"
