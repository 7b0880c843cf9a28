#!/usr/bin/env bash
# Installs the Debian packages CosmosOS needs to build and boot, if any are missing. Idempotent and quiet when
# everything is there. Needs root or sudo only when something is missing.
set -euo pipefail

# command -> Debian package that provides it
declare -A packages=(
  [nasm]=nasm
  [ld]=binutils
  [nm]=binutils
  [grub-mkrescue]=grub-common
  [xorriso]=xorriso
  [mformat]=mtools
  [qemu-system-x86_64]=qemu-system-x86
  [bochs]=bochs
  [gdb]=gdb
)
# Files (not commands) that a package provides.
declare -A files=(
  [/usr/lib/grub/i386-pc/modinfo.sh]=grub-pc-bin
  [/usr/share/bochs/BIOS-bochs-latest]=bochsbios
  [/usr/share/vgabios/vgabios.bin]=vgabios
  [/usr/lib/x86_64-linux-gnu/bochs/plugins/libbx_term_gui.so.0.0.0]=bochs-term
)

missing=()
for command in "${!packages[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${packages[$command]}")
done
for file in "${!files[@]}"; do
  [ -e "$file" ] || missing+=("${files[$file]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "CosmosOS: installing missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "CosmosOS: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
