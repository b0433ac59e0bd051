"""The exact versions in sandbox/requirements.txt, against what this Python has installed."""
import importlib.metadata
import os
import re

REQUIREMENTS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "requirements.txt")
_PIN = re.compile(r"^([A-Za-z0-9_.-]+)(\[[^\]]*\])?==([^\s;#]+)")


def pinned(path=REQUIREMENTS):
    """{distribution: version} of every `name[extras]==version` line."""
    pins = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            match = _PIN.match(line)
            if not match:
                raise ValueError("%s: not an exact pin: %s" % (path, line))
            pins[match.group(1)] = match.group(3)
    return pins


def mismatches(path=REQUIREMENTS, installed=None):
    """One line per distribution whose installed version is not the pinned one: "moto 5.3.0 (pinned 5.2.1)"."""
    installed = installed or _installed
    wrong = []
    for name, version in pinned(path).items():
        have = installed(name)
        if have != version:
            wrong.append("%s %s (pinned %s)" % (name, have or "not installed", version))
    return wrong


def _installed(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


if __name__ == "__main__":
    import sys
    wrong = mismatches()
    print("\n".join(wrong))
    sys.exit(1 if wrong else 0)
