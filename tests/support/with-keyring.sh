#!/bin/sh
# with-keyring.sh [--locked | --no-secret-service] CMD...
#
# Runs CMD in a private D-Bus session with a throw-away gnome-keyring and returns CMD's exit code.
# Nothing outside a fresh temp dir (HOME, XDG dirs) is read or written.
#   (default)            the "login" keyring is created with a known password and left unlocked
#   --locked             the keyring is created, then locked through the Secret Service
#                        (org.freedesktop.Secret.Service.Lock); the script checks the default
#                        collection's Locked property is true before running CMD
#   --no-secret-service  a private bus with no keyring and no activatable Secret Service
# CMD sees PLAYGROUND_KEYRING_STATE=unlocked|locked|absent.
# dbus-daemon's "Failed to set fd limit" warning is harmless.
set -u
mode=unlocked
case "${1:-}" in
--locked) mode=locked; shift ;;
--no-secret-service) mode=absent; shift ;;
--unlocked) shift ;;
esac
[ $# -gt 0 ] || { echo "usage: $0 [--locked|--no-secret-service] CMD..." >&2; exit 2; }

T=$(mktemp -d)
export HOME="$T" XDG_DATA_HOME="$T/share" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" XDG_RUNTIME_DIR="$T/run"
export PLAYGROUND_KEYRING_STATE="$mode"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS XDG_CURRENT_DESKTOP

if [ "$mode" = absent ]; then
    # A session bus whose only services are the ones started here: none.
    cat >"$T/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$T/run</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
    dbus-run-session --config-file="$T/session.conf" -- "$@"
    rc=$?
    rm -rf "$T"
    exit $rc
fi

dbus-run-session -- sh -c '
  mode=$1; shift
  printf %s test-pass | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  k=$!; i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    i=$((i+1)); [ $i -gt 50 ] && { echo "keyring did not start" >&2; kill $k; exit 1; }; sleep 0.1
  done
  locked() {
    dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
      org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null \
      | grep -q "boolean true"
  }
  # --unlock creates the login keyring (the default collection) a moment after the name appears.
  i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
        org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked >/dev/null 2>&1; do
    i=$((i+1)); [ $i -gt 50 ] && { echo "keyring has no default collection" >&2; kill $k; exit 1; }; sleep 0.1
  done
  if [ "$mode" = locked ]; then
    dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
      org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/aliases/default >/dev/null \
      || { echo "could not lock the keyring" >&2; kill $k; exit 1; }
    locked || { echo "keyring did not report Locked" >&2; kill $k; exit 1; }
  elif locked; then
    echo "keyring is unexpectedly locked" >&2; kill $k; exit 1
  fi
  "$@"; rc=$?; kill $k 2>/dev/null; wait $k 2>/dev/null; exit $rc' sh "$mode" "$@"
rc=$?
rm -rf "$T"
exit $rc
