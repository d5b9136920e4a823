#!/usr/bin/env bash
# Installs the Debian packages jiceng needs to build, test and run, and only
# those that are missing: silent when everything is present, one
# `apt-get update` when something is not.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git clang-format
  libboost-random-dev libtbb-dev libhdf5-dev hdf5-tools
  libtomlplusplus-dev libcli11-dev
  googletest libgtest-dev libbenchmark-dev
  libsfml-dev libx11-dev libfontconfig-dev fonts-noto-cjk xvfb xauth
  openmpi-bin libopenmpi-dev
  python3 python3-h5py python3-netcdf4 python3-h5netcdf python3-xarray python3-pandas
  python3-dev pybind11-dev python3-pybind11
)

# Extra packages named on the command line (e.g. `make fuzz` adds clang and
# its libFuzzer runtime) are installed the same way.
packages+=("$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: missing packages (${missing[*]}) and no apt-get: this script needs Debian or Ubuntu." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: these packages are missing: ${missing[*]}" >&2
    echo "install-deps: run this script as root, or install sudo, or install them yourself with apt-get." >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
