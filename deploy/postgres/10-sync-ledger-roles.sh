#!/bin/sh
# Run once by the postgres image when it initialises an empty data directory (/docker-entrypoint-initdb.d), as the
# superuser, after it created $POSTGRES_DB. Gives each part of the compose stack the least it needs:
#   sync_ledger_owner  owns the schema and applies the migrations (`sync-ledger migrate`); not a superuser, no
#                      CREATEDB. It has CREATEROLE only because migration V8 runs CREATE ROLE for the two roles below
#                      when they are missing, and PostgreSQL checks that right before it sees that they exist;
#   sync_ledger_app    runs the processor, the sink and the notifier: a member of sync_ledger_writer, so it reads and
#                      writes rows but cannot change the tables.
# sync_ledger_reader and sync_ledger_writer are the NOLOGIN roles migration V8 grants to; they are created here, by the
# superuser, so that the app's login can join the writer role before the first migration. Each login's password comes
# from the pgpass secret its service connects with, so there is one copy of each password. Changing a password later is ALTER ROLE plus a new secret: this runs only once.
set -eu

secrets=${SYNC_LEDGER_SECRETS_DIR:-/run/secrets}
schema=${SYNC_LEDGER_SCHEMA:-sync_ledger}

# The password of a one-line pgpass file (host:port:database:user:password) naming the expected user.
password_of() {
    file=$secrets/$1
    user=$(cut -d: -f4 "$file")
    password=$(cut -d: -f5- "$file")
    if [ "$user" != "$2" ] || [ -z "$password" ]; then
        echo "10-sync-ledger-roles.sh: $file must be one line *:*:*:$2:PASSWORD; see README, Compose stack" >&2
        exit 1
    fi
    case $password in
        *:* | *\\*) echo "10-sync-ledger-roles.sh: the password in $file must not hold ':' or '\\'" >&2; exit 1 ;;
    esac
    printf '%s' "$password"
}

owner_password=$(password_of sync_ledger_owner_pgpass sync_ledger_owner)
app_password=$(password_of sync_ledger_app_pgpass sync_ledger_app)

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v db="$POSTGRES_DB" -v schema="$schema" -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
CREATE ROLE sync_ledger_reader NOLOGIN;
CREATE ROLE sync_ledger_writer NOLOGIN;
CREATE ROLE sync_ledger_owner LOGIN CREATEROLE PASSWORD :'owner_password';
CREATE ROLE sync_ledger_app LOGIN PASSWORD :'app_password' IN ROLE sync_ledger_writer;

-- Only sync-ledger's roles may connect; a dashboard login joins sync_ledger_reader and so may connect too.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO sync_ledger_owner, sync_ledger_writer, sync_ledger_reader;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

-- The owner's schema exists before the first migration, so the owner needs no CREATE on the database.
CREATE SCHEMA :"schema" AUTHORIZATION sync_ledger_owner;
SQL
