#!/usr/bin/env bash
# Installs, as root and only where missing, the Debian packages that gantry's
# real-part tests need. Each block adds its packages to PACKAGES below. When
# not root (or without apt-get) it installs nothing and says what it skipped;
# the tests that need the missing parts then skip with their own reason.
set -euo pipefail

# package:probe — the probe proves the package is installed: a command name,
# or an absolute path (globs allowed).
PACKAGES=(
  "iproute2:ip"                                         # netnstest: ip netns exec
  "nftables:nft"                                        # netpolicy/nft, proxy/nft: inspecting rulesets in failures
  "containernetworking-plugins:/usr/lib/cni/bridge"     # runtime/process: bridge, host-local, loopback, portmap
  "qemu-system-x86:qemu-system-x86_64"                  # internal/vmtest: IPVS and cgroup v2 tests in a VM
  "linux-image-amd64:/boot/vmlinuz-*-amd64"             # internal/vmtest: the Debian kernel with ip_vs modules
  "busybox-static:/bin/busybox"                         # internal/vmtest: the VM's userland
  "kmod:modprobe"                                       # internal/vmtest: module dependency order
  "cpio:cpio"                                           # internal/vmtest: building the initramfs
)

missing=()
for entry in "${PACKAGES[@]}"; do
  pkg=${entry%%:*}
  probe=${entry#*:}
  if [[ $probe == /* ]]; then
    compgen -G "$probe" >/dev/null && continue
  else
    command -v "$probe" >/dev/null 2>&1 && continue
  fi
  missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "test-deps: all present (${#PACKAGES[@]} packages)"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "test-deps: not root; skipped installing: ${missing[*]} (tests needing them will skip)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: no apt-get; skipped installing: ${missing[*]} (tests needing them will skip)"
  exit 0
fi

echo "test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
