#!/usr/bin/env bash
# Installs the Debian 12 packages mporders needs to build, test and benchmark.
# Idempotent: packages already installed are skipped, and apt is not touched
# at all when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libpugixml-dev libssl-dev libjemalloc-dev libxxhash-dev
  libspdlog-dev libfmt-dev libcli11-dev
  libcairo2-dev libzint-dev libzip-dev zlib1g-dev fonts-dejavu-core
  libgtest-dev libgmock-dev libbenchmark-dev
  zbar-tools poppler-utils unzip
  prometheus  # promtool checks the /metrics exposition in the tests
  curl openssl  # openssl: the command-line tool signs requests in the signature tests
  chromium  # browser tests of the web console (tests/browser/)
  postgresql-15  # make test runs the store and API suites on a throwaway server too
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(wrk nginx-light)
fi
# make fuzz: clang 14 with libFuzzer and the sanitizer runtimes, and the
# symbolizer for readable stack traces.
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang-14 libclang-rt-14-dev llvm-14)
fi
# Node.js and npm drive the browser tests. Any installed node with npm will
# do (some machines carry a newer one, whose package ships npm itself and
# conflicts with Debian's npm package); otherwise Debian's.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "mporders: missing Debian packages: ${missing[*]}" >&2
  echo "mporders: run as root (or install them with: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi

echo "mporders: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
