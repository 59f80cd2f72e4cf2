#!/usr/bin/env bash
# Prepares what the tests need, runs every test project, and ends with one line: "N passed, N failed, N skipped".
#   - Debian packages listed in .ci/debian-packages: installed when run as root and missing; otherwise one line naming
#     the exact apt-get command, and exit 1.
#   - npm ci when node_modules is missing or older than package-lock.json.
#   - dotnet tool restore: the local tools of .config/dotnet-tools.json (dotnet-repl runs the notebooks).
# A test whose prerequisite is still missing (NETAN_SKIP_SETUP=1 skips the preparation) is reported as skipped, with its
# reason; under CI=true it fails instead.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Extraction]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- preparation -------------------------------------------------------------------------------------------------
present() { # present PROBE: whether what the probe names is on this machine
  local probe="$1" name
  case "$probe" in
    cmd:*)
      local IFS=','
      for name in ${probe#cmd:}; do
        PATH="$PATH:/usr/sbin:/sbin" command -v "$name" >/dev/null 2>&1 && return 0
      done
      return 1 ;;
    lib:*) /sbin/ldconfig -p 2>/dev/null | grep -q "${probe#lib:}" ;;
    dpkg) dpkg-query -W -f='${Status}' "$2" 2>/dev/null | grep -q "ok installed" ;;
    *) echo "test.sh: unknown probe '$probe' in .ci/debian-packages" >&2; return 1 ;;
  esac
}

if [[ "${NETAN_SKIP_SETUP:-}" != "1" ]]; then
  missing=()
  while read -r package probe _; do
    [[ -z "$package" || "$package" == \#* ]] && continue
    present "$probe" "$package" || missing+=("$package")
  done < .ci/debian-packages
  if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      echo "== apt-get install ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
        echo "test.sh: apt-get could not install: ${missing[*]}"
        exit 1
      fi
    else
      echo "test.sh: missing Debian packages; install them with: sudo apt-get install -y ${missing[*]}   (or run ./test.sh as root; NETAN_SKIP_SETUP=1 runs without them, their tests skipped)"
      exit 1
    fi
  fi

  if [[ -f package-lock.json ]] && [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "== npm ci (Cytoscape.js, served by the workbench)"
    if ! npm ci --no-audit --no-fund --loglevel=error; then
      echo "test.sh: npm ci failed (needs the npm registry once; afterwards node_modules is reused)"
      exit 1
    fi
  fi

  echo "== dotnet tool restore (dotnet-repl: the notebooks run on the real .NET Interactive kernel)"
  if ! dotnet tool restore >/dev/null; then
    echo "test.sh: dotnet tool restore failed (needs the NuGet feed once; afterwards the tool is cached)"
    exit 1
  fi
fi

# --- build and test ----------------------------------------------------------------------------------------------
results="$root/TestResults"
rm -rf "$results"
dotnet build NetworkAnalysis.sln -c Release --nologo -v q -clp:ErrorsOnly
build=$?
if [[ $build -ne 0 ]]; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
dotnet test NetworkAnalysis.sln -c Release --no-build --nologo -v q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?
projects=$(ls tests/*/*.Tests.csproj | wc -l)
python3 - "$results" "$projects" "$status" "$#" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
status, filtered = int(sys.argv[3]), int(sys.argv[4]) > 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
reasons = []
trx = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
if len(trx) < int(sys.argv[2]) and not filtered:
    # A test project that produced no results (crashed, or holds no tests) counts as a failure, never as silence.
    print(f"{int(sys.argv[2]) - len(trx)} test project(s) produced no results")
    failed += int(sys.argv[2]) - len(trx)
for path in trx:
    # Count the results themselves: the TRX counters leave skipped (NotExecuted) results out of every counter.
    root = ET.parse(path).getroot()
    results = list(root.iter("{%s}UnitTestResult" % ns["t"]))
    if not results and not filtered:
        print(f"{path}: no test results")
        failed += 1
    for r in results:
        outcome = r.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome == "NotExecuted":
            skipped += 1
            message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
            reasons.append(f"skipped: {r.get('testName')}: {(message.text or '').strip() if message is not None else 'no reason given'}")
        else:
            failed += 1
if status != 0 and failed == 0:
    print(f"dotnet test exited {status} without a failed result (a crashed or aborted test host): counted as a failure")
    failed += 1
for line in sorted(reasons):
    print(line)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
summary=$?
if [[ $status -ne 0 || $summary -ne 0 ]]; then exit 1; fi
exit 0
