# Shared shell helpers for the project's scripts. Source it; it defines functions only.
# shellcheck shell=bash

ZC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ZC_MAVEN_VERSION=3.9.11

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

# Java 21+ for the build: the machine's default java may be older.
ensure_java() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    return
  fi
  local jdk
  for jdk in /usr/lib/jvm/temurin-*-jdk-* /usr/lib/jvm/java-2[1-9]-* /usr/lib/jvm/*; do
    if [ -x "$jdk/bin/javac" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$jdk"
      export PATH="$JAVA_HOME/bin:$PATH"
      return
    fi
  done
  die "no JDK 21 or newer found under /usr/lib/jvm; install one (e.g. apt-get install openjdk-21-jdk or a Temurin JDK)"
}

# The Maven wrapper reads its distribution from the local Maven repository (see .mvn/wrapper).
ensure_maven() {
  ensure_java
  local zip="$HOME/.m2/repository/org/apache/maven/apache-maven/$ZC_MAVEN_VERSION/apache-maven-$ZC_MAVEN_VERSION-bin.zip"
  if [ ! -f "$zip" ]; then
    command -v mvn >/dev/null || die "a system Maven is needed once to fetch Maven $ZC_MAVEN_VERSION for the wrapper"
    log "fetching Maven $ZC_MAVEN_VERSION for the wrapper"
    mvn -q -B dependency:get -Dartifact="org.apache.maven:apache-maven:$ZC_MAVEN_VERSION:zip:bin" -Dtransitive=false \
      || die "could not fetch Maven $ZC_MAVEN_VERSION"
  fi
  export MVNW_REPOURL="file://$HOME/.m2/repository"
  # The wrapper's Java downloader is the one that reads file: URLs; these values are not credentials.
  export MVNW_USERNAME=local MVNW_PASSWORD=local
}

mvnw() {
  ensure_maven
  (cd "$ZC_ROOT" && ./mvnw -B -ntp "$@")
}

# Installs the Debian packages named that are not installed yet (as root, or through sudo).
ensure_apt_packages() {
  local missing=() p sudo=
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing packages ${missing[*]}: as root, run apt-get install -y ${missing[*]}"
    sudo=sudo
  fi
  local aptlog="$ZC_ROOT/.infra/apt.log"
  mkdir -p "$ZC_ROOT/.infra"
  log "installing ${missing[*]} with apt-get (output in .infra/apt.log)"
  if ! { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
           -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"; } \
         </dev/null >"$aptlog" 2>&1; then
    tail -n 30 "$aptlog" >&2
    die "apt-get install ${missing[*]} failed (see .infra/apt.log)"
  fi
}

# The certificate PDF's font (Noto Serif CJK, read by the certificate function) and poppler's pdffonts,
# pdftotext, pdfinfo and pdftoppm, which the PDF tests read certificates back with.
ensure_pdf_tools() {
  ensure_apt_packages fonts-noto-cjk poppler-utils
}

# True when something accepts TCP connections on host $1 port $2.
port_in_use() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Prints a free TCP port on 127.0.0.1, trying $1 first and then the next ones.
free_port() {
  local p="${1:-8089}" end=$(( ${1:-8089} + 100 ))
  while [ "$p" -lt "$end" ]; do
    port_in_use 127.0.0.1 "$p" || { echo "$p"; return 0; }
    p=$((p + 1))
  done
  die "no free port in $1..$end"
}

# Installs the front end's node modules with npm ci when node_modules is missing or package-lock.json changed
# since the last install ($1 = when-changed), or every time ($1 = always: CI, clean test runs).
frontend_install() {
  local dir="$ZC_ROOT/frontend" stamp sum
  command -v npm >/dev/null || die "npm is needed for the front end (Node.js 20.19 or newer)"
  [ -f "$dir/package-lock.json" ] || die "frontend/package-lock.json is missing: run npm install in frontend/ and commit the lock file"
  stamp="$dir/node_modules/.zhicheng-lock.sha256"
  sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ "${1:-}" != always ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    log "frontend: node_modules matches package-lock.json"
    return 0
  fi
  log "frontend: npm ci"
  (cd "$dir" && npm ci --no-audit --no-fund </dev/null) || die "npm ci failed in frontend/"
  printf '%s\n' "$sum" >"$stamp"
}

# True when frontend/package.json defines the npm script $1.
frontend_has_script() {
  (cd "$ZC_ROOT/frontend" && node -e 'process.exit(require("./package.json").scripts?.[process.argv[1]] ? 0 : 1)' "$1")
}
