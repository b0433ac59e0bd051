"""Load balancer DNS names in /etc/hosts, so curl, the JVM and the AWS CLI on this machine reach them.

Each line carries this data plane's marker, and only marked lines are ever rewritten or removed.
"""
import contextlib
import fcntl
import os
import threading

_lock = threading.Lock()


class HostsFile:
    def __init__(self, path, instance):
        self.path = path
        self.marker = "# mysfits-sandbox:%s" % instance

    @contextlib.contextmanager
    def _locked(self):
        """One writer at a time: this process's threads, and other data planes (tests run several side by side),
        which take the same lock on the file itself."""
        with _lock, open(self.path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _read(self):
        try:
            with open(self.path) as f:
                return f.read().splitlines()
        except FileNotFoundError:
            return []

    def entries(self):
        found = {}
        for line in self._read():
            if line.endswith(self.marker):
                parts = line.split()
                if len(parts) >= 2:
                    found[parts[1]] = parts[0]
        return found

    def forget_instances(self, alive):
        """Drops the lines of data planes that are gone (killed before they could remove their own)."""
        with self._locked():
            lines = self._read()
            kept = [line for line in lines if "# mysfits-sandbox:" not in line
                    or alive(line.rsplit("# mysfits-sandbox:", 1)[1].strip())]
            if kept != lines:
                self._write(kept)

    def _write(self, lines):
        text = "\n".join(lines) + "\n"
        # /etc/hosts is often a bind mount: rewrite in place rather than rename over it.
        with open(self.path, "r+" if os.path.exists(self.path) else "w") as f:
            f.seek(0)
            f.write(text)
            f.truncate()

    def sync(self, names_to_address):
        """Makes this data plane's lines exactly names_to_address; other lines stay, but for other sandboxes'
        lines naming one of these load balancers."""
        with self._locked():
            lines = self._read()
            # A name this data plane serves is taken from any other one's line (a stale sandbox's, say):
            # /etc/hosts answers with the first match, and the newest load balancer of a name is the one in use.
            kept = [l for l in lines if not l.endswith(self.marker)
                    and not ("# mysfits-sandbox:" in l and len(l.split()) > 1 and l.split()[1] in names_to_address)]
            ours = ["%s %s %s" % (address, name, self.marker) for name, address in sorted(names_to_address.items())]
            if kept + ours != lines:
                self._write(kept + ours)
