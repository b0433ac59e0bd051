"""moto's classes are patched once per process; the patches then serve whichever object installed them last
(a server installs once; tests make a fresh object per test)."""


class HookSlot:
    def __init__(self, install_hooks):
        self.active = None
        self._install_hooks = install_hooks

    def take(self, owner):
        first = self.active is None
        self.active = owner
        if first:
            self._install_hooks()


# Every member the sandbox lays on a moto class, with whether the class had it then: tests/test_moto_members.py
# fails on one that moto no longer has, which would otherwise sit unused beside the renamed original.
LAID = []


def lay_member(cls, name, value):
    LAID.append((cls, name, hasattr(cls, name)))
    setattr(cls, name, value)
