#!/usr/bin/env bash
# The Python package (python/): the binding, the spaCy component and the Spark job.
#
# Builds a venv (target/venv-python, reused while python/requirements-test.txt is unchanged) with
# the pinned test requirements, installs the package from this clone with `pip install ./python`
# (a dev-profile build: it reuses what `cargo test` compiled), installs a JDK from Debian's
# packages when `java` is missing (pyspark runs in local mode), and runs pytest on python/tests
# (the Spark tests and those after a trained spaCy pipeline must run here, not be skipped).
# The tests compare the package's output with the command line's, so this builds the CLI too.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=target/venv-python
requirements=python/requirements-test.txt
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$venv/.requirements"; then
    echo "-- venv $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/.requirements"
fi

if ! command -v java >/dev/null 2>&1; then
    echo "-- installing a JDK (default-jdk-headless) for pyspark"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jdk-headless >/dev/null
fi

echo "-- cargo build (the CLI, to compare with)"
cargo build --quiet --bin attache

echo "-- pip install ./python"
# the dev profile, as `cargo test` builds: the package's tests are small, and a release build
# would compile the crate again with optimisations (`pip install ./python` alone builds release)
PATH="$PWD/$venv/bin:$PATH" MATURIN_PEP517_ARGS="--profile dev" \
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-build-isolation --no-deps \
    --force-reinstall ./python

echo "-- pytest python/tests"
# the installed package, not python/attache (which has no compiled module): pytest's own script,
# from the project's root, puts neither python/ nor the root on sys.path
ATTACHE_BIN="$PWD/target/debug/attache" ATTACHE_REQUIRE_SPARK=1 ATTACHE_REQUIRE_MODEL=1 SPARK_LOCAL_IP=127.0.0.1 \
    "$venv/bin/pytest" -q -p no:cacheprovider python/tests
