# One way for a script test to skip (sourced, not run): exit 77 (ctest's
# SKIP_RETURN_CODE), or exit 1 when CI is set, so that a test that cannot
# find its data fails CI instead of passing by skipping (issue 16).
# Files of tests/cli whose name starts with '_' are helpers, not tests.

# skip REASON: ends the test.
skip() {
    if [ -n "${CI:-}" ]; then
        echo "FAIL: $1 (CI is set: a test that cannot find what it needs fails)"
        exit 1
    fi
    echo "SKIP: $1"
    exit 77
}
