#!/bin/sh
# Writes the compose stack's secrets under ./secrets (or $1), each a fresh random password, and leaves any that exist:
# the postgres image reads its superuser's password only when it initialises its data directory, and the init script
# gives the owner and app logins the passwords of their pgpass files only then too.
# The directory is for the operator alone (0700); the files are 0644 because compose mounts them with their host mode
# and the containers read them as their own users (postgres, sync-ledger).
set -eu

dir=${1:-secrets}
umask 077
mkdir -p "$dir"
chmod 700 "$dir"

random_password() {
    od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

write() {
    if [ -e "$dir/$1" ]; then
        echo "kept $dir/$1"
        return
    fi
    printf '%s\n' "$2" > "$dir/$1"
    chmod 644 "$dir/$1"
    echo "wrote $dir/$1"
}

write postgres_superuser_password "$(random_password)"
write sync_ledger_owner_pgpass "*:*:*:sync_ledger_owner:$(random_password)"
write sync_ledger_app_pgpass "*:*:*:sync_ledger_app:$(random_password)"
