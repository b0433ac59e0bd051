"""Load balancer DNS names in /etc/hosts, so curl, the JVM and the AWS CLI on this machine reach them.

Each line carries this data plane's marker, and only marked lines are ever rewritten or removed.
"""
import os
import threading

_lock = threading.Lock()


class HostsFile:
    def __init__(self, path, instance):
        self.path = path
        self.marker = "# mysfits-sandbox:%s" % instance

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

    def sync(self, names_to_address):
        """Makes this data plane's lines exactly names_to_address; others' lines stay as they are."""
        with _lock:
            lines = self._read()
            kept = [l for l in lines if not l.endswith(self.marker)]
            ours = ["%s %s %s" % (address, name, self.marker) for name, address in sorted(names_to_address.items())]
            if [l for l in lines if l.endswith(self.marker)] == ours:
                return
            text = "\n".join(kept + ours) + "\n"
            # /etc/hosts is often a bind mount: rewrite in place rather than rename over it.
            with open(self.path, "r+" if os.path.exists(self.path) else "w") as f:
                f.seek(0)
                f.write(text)
                f.truncate()
