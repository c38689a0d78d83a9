#!/bin/sh
# Install Transcript Reader for the current user (no root): the app folder, a command on the
# PATH, the menu entry and the icon. `./install.sh --uninstall` removes them again.
# PREFIX (default ~/.local) chooses where; PREFIX=/usr/local with sudo installs for everyone.
# The menu entry also registers the reader:// scheme of the back-links in exported notes.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
app_dir="$prefix/lib/transcript-reader"
bin="$prefix/bin/transcript-reader"
desktop="$prefix/share/applications/transcript-reader.desktop"
icon="$prefix/share/icons/hicolor/scalable/apps/transcript-reader.svg"

refresh() {
    # Menus pick the entry up by themselves on most desktops; these only hurry them along.
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir"
    rm -f "$bin" "$desktop" "$icon"
    refresh
    echo "Transcript Reader removed from $prefix (your library and settings are kept)."
    exit 0
fi

if [ ! -x "$here/Transcript Reader/transcript-reader" ]; then
    echo "install.sh: run it from the unpacked archive (Transcript Reader/ not found)" >&2
    exit 1
fi

mkdir -p "$app_dir" "$(dirname "$bin")" "$(dirname "$desktop")" "$(dirname "$icon")"
rm -rf "$app_dir"
cp -R "$here/Transcript Reader" "$app_dir"
ln -sf "$app_dir/transcript-reader" "$bin"
cp "$here/transcript-reader.svg" "$icon"
# The menu entry runs the installed file by its full path: the desktop's PATH may lack $prefix/bin.
sed -e "s|^Exec=transcript-reader|Exec=\"$app_dir/transcript-reader\"|" \
    -e "s|^TryExec=transcript-reader|TryExec=$app_dir/transcript-reader|" \
    "$here/transcript-reader.desktop" > "$desktop"
chmod 644 "$desktop" "$icon"
refresh
# reader://open?… back-links in exported notes open the app at the passage.
command -v xdg-mime >/dev/null 2>&1 \
    && xdg-mime default transcript-reader.desktop x-scheme-handler/reader 2>/dev/null || true

echo "Transcript Reader installed in $app_dir"
echo "  menu entry: $desktop"
echo "  command:    $bin (check: transcript-reader --self-test)"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "  note: $prefix/bin is not on your PATH; add it to run transcript-reader from a terminal" ;;
esac
