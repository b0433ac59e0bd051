#!/bin/sh
# Like the mysql image's entrypoint, in brief: initialise an empty data directory, set root's password from
# MYSQL_ROOT_PASSWORD (for local and remote root), then run the server in the foreground.
set -eu
: "${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD}"
datadir=/var/lib/mysql
chown -R mysql:mysql "$datadir"
if [ ! -d "$datadir/mysql" ]; then
    echo "db: initialising an empty data directory"
    mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=normal >/dev/null
fi
# Applied at every start, so a changed password takes effect; the file stays inside the container, mode 600.
init=/run/mysqld/init.sql
escaped=$(printf "%s" "$MYSQL_ROOT_PASSWORD" | sed "s/'/''/g")
umask 077
cat > "$init" <<SQL
CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '$escaped';
ALTER USER 'root'@'localhost' IDENTIFIED BY '$escaped';
ALTER USER 'root'@'%' IDENTIFIED BY '$escaped';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
chown mysql:mysql "$init"
exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 --skip-name-resolve --init-file="$init"
