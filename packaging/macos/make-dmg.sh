#!/bin/sh
# Wrap "dist/Transcript Reader.app" in a compressed disk image with an Applications link, so
# users install it by dragging. Called by packaging/build.py on macOS after PyInstaller has made
# the .app (build.spec's BUNDLE step); usable alone: make-dmg.sh APP DMG.
#
# The .app is ad-hoc signed by PyInstaller, enough to run on the Mac that built it. For other
# Macs sign it with a Developer ID and notarize the dmg (codesign --deep --options runtime,
# xcrun notarytool submit --wait, xcrun stapler staple); without that Gatekeeper asks users to
# open it with right-click > Open.
set -eu

app=${1:?usage: make-dmg.sh APP DMG}
dmg=${2:?usage: make-dmg.sh APP DMG}
[ -d "$app" ] || { echo "make-dmg.sh: $app not found; build it first" >&2; exit 1; }
command -v hdiutil >/dev/null 2>&1 || { echo "make-dmg.sh: hdiutil (macOS only) not found" >&2; exit 1; }

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and signatures intact.
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Transcript Reader" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$dmg"
hdiutil verify "$dmg"
echo "make-dmg.sh: wrote $dmg"
