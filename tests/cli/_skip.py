"""One way for a script test to skip: exit 77 (ctest's SKIP_RETURN_CODE),
or exit 1 when CI is set, so that a test that cannot find its data (the
shared fixtures, openpyxl, LibreOffice) fails CI instead of passing by
skipping (issue 16).  Files of tests/cli whose name starts with '_' are
helpers, not tests (tests/CMakeLists.txt)."""
import os
import sys


def ci():
    """True when the environment says this is CI (CI set, not empty)."""
    return bool(os.environ.get("CI"))


def skip(reason):
    """Ends the test: skipped, or failed under CI.  Never returns."""
    if ci():
        print("FAIL: %s (CI is set: a test that cannot find what it needs "
              "fails)" % reason)
        sys.exit(1)
    print("SKIP: " + reason)
    sys.exit(77)
