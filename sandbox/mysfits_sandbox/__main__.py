import sys

from . import pins

# Before anything imports moto: another moto may fail on import, or worse, run and serve something else.
_wrong = pins.mismatches()
if _wrong:
    sys.exit("python3 -m mysfits_sandbox: error: not the versions the sandbox is built on: %s\n"
             "Hint: pip install -r %s" % ("; ".join(_wrong), pins.REQUIREMENTS))

from .server import main  # noqa: E402

main()
