# Sourced by both launchers (bin/solidafy-cdk and a checkout's ./solidafy-cdk): the JVM options used
# when JAVA_OPTS / JDK_JAVA_OPTIONS do not choose them, and the module path. Usage, before `exec java`:
#   solidafy_jvm_options MODULE_PATH SERVER_LIB PLUGINS_DIR "$@"
# sets SOLIDAFY_JVM_OPTS, SOLIDAFY_MODULE_PATH (for -p) and SOLIDAFY_ROOT_MODULES (for --add-modules).
# SOLIDAFY_CDS=off turns the class data sharing archive off; SOLIDAFY_CACHE_DIR moves it
# (default ${XDG_CACHE_HOME:-$HOME/.cache}/solidafy-cdk).

# A sync shares the machine's cores with the JIT compilers, which spend as much CPU as the records do
# in a million-record run (-XX:+CITime). So the optimizing compiler takes only methods ten times hotter
# than by default (a sync of a few records ends before such code would pay off, a long one reaches it
# within its first seconds), and inlines less deeply and smaller methods (smaller compilations: with
# FreqInlineSize=110, a million records to Parquet take about 10% less time and 15% less CPU; 100 left
# out the JDK's ArraysSupport.mismatch, 103 bytecodes, which every Arrays.equals calls).
# The Parquet benchmark gives its sink-only runs these same settings.
SOLIDAFY_SYNC_TIERS="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000"
SOLIDAFY_SYNC_INLINING="-XX:MaxInlineLevel=6 -XX:InlineSmallCode=1000 -XX:FreqInlineSize=110"

solidafy_jvm_options() {
  module_path=$1 server_lib=$2 plugins_dir=$3
  shift 3
  user=" ${JAVA_OPTS:-} ${JDK_JAVA_OPTIONS:-} "
  # stdout carries protocol messages only: JVM warnings go to stderr (an unusable class archive is not one).
  SOLIDAFY_JVM_OPTS="-XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning,cds*=off:stderr"
  # A batch tool wants throughput and a small footprint: the parallel collector, with a young generation
  # bounded so that a streaming sync stays near 100-150 MiB RSS whatever the machine's memory (the JVM's
  # default sizes it from RAM: 850 MiB on a 24 GB laptop, and slower from touching it all).
  case $user in *-XX:+Use*GC*) ;; *) SOLIDAFY_JVM_OPTS="$SOLIDAFY_JVM_OPTS -XX:+UseParallelGC" ;; esac
  case $user in
    *-Xmn*|*NewSize*|*NewRatio*|*-Xmx*|*MaxHeapSize*|*MaxRAM*) ;;
    *) SOLIDAFY_JVM_OPTS="$SOLIDAFY_JVM_OPTS -Xmn32m" ;;
  esac
  # the kind of command: the server, a sync, or one that describes; the command is the first argument
  # that is not a root option (--version and --help take no value)
  subcommand=
  for arg in "$@"; do case $arg in -*) ;; *) subcommand=$arg; break ;; esac; done
  case $subcommand in
    serve) kind=serve ;;
    read|discover) kind=sync ;;
    *) kind=describe ;;
  esac
  # Commands that describe rather than sync finish in well under a second: the JIT's first tier only.
  # A sync gets the JIT settings below (SOLIDAFY_SYNC_TIERS, SOLIDAFY_SYNC_INLINING).
  case $kind in
    serve) ;;
    sync)
      case $user in *Tier*|*CompileThreshold*) ;; *) SOLIDAFY_JVM_OPTS="$SOLIDAFY_JVM_OPTS $SOLIDAFY_SYNC_TIERS" ;; esac
      case $user in *Inline*) ;; *) SOLIDAFY_JVM_OPTS="$SOLIDAFY_JVM_OPTS $SOLIDAFY_SYNC_INLINING" ;; esac ;;
    *) SOLIDAFY_JVM_OPTS="$SOLIDAFY_JVM_OPTS -XX:TieredStopAtLevel=1" ;;
  esac
  # no hsperfdata file to create at every start (about 10 ms), except for the server, which jps and
  # jstat may be pointed at
  case $kind in
    serve) ;;
    *) case $user in *PerfData*) ;; *) SOLIDAFY_JVM_OPTS="$SOLIDAFY_JVM_OPTS -XX:-UsePerfData" ;; esac ;;
  esac
  # read shows progress by default when stderr is a terminal, which only the shell can tell
  if [ -t 2 ]; then SOLIDAFY_STDERR_TTY=1; export SOLIDAFY_STDERR_TTY; fi
  # the runtime keeps its plugin connector index there too
  SOLIDAFY_CACHE_DIR=${SOLIDAFY_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/solidafy-cdk}
  export SOLIDAFY_CACHE_DIR
  # ALL-DEFAULT: plugin layers can only use JDK modules that are in the boot layer (JDBC drivers need
  # java.sql, java.naming, java.management, ...), so the JDK's default set is resolved. The HTTP server's
  # libraries (Jetty, Micrometer: 18 jars) join the module path for serve only: resolving them costs
  # every other command about 25 ms of start-up.
  SOLIDAFY_MODULE_PATH=$module_path SOLIDAFY_ROOT_MODULES=ALL-DEFAULT
  case $kind in
    serve) SOLIDAFY_MODULE_PATH="$module_path:$server_lib" SOLIDAFY_ROOT_MODULES=ALL-DEFAULT,ALL-MODULE-PATH ;;
    *) solidafy_cds_options "$module_path" "$plugins_dir" ;; # a server starts once: no archive to make for it
  esac
}

# Class data sharing: the classes a command loads are mapped from an archive instead of being parsed
# and verified again. The archive is made once per installation (Java binary, runtime jars and plugin
# jars: any change makes a new key) by a background run of the CDS training main, and published with an
# atomic rename; until then, and whenever it cannot be used, the JVM simply loads classes as usual.
solidafy_cds_options() {
  case "${SOLIDAFY_CDS:-on} ${JAVA_OPTS:-} ${JDK_JAVA_OPTIONS:-}" in off*|*-Xshare*|*SharedArchiveFile*|*ArchiveClassesAtExit*) return ;; esac
  java_bin=$(command -v "${JAVA:-java}" 2>/dev/null) || return 0
  cache=$SOLIDAFY_CACHE_DIR
  case $cache in *" "*) return ;; esac # the JVM option cannot hold a space here
  # the key: size and time of the Java binary (behind its links), of the runtime's jars and of every plugin
  # jar (loose, in a plugin folder, in its sdk/ folder), not of folders, which a rebuild recreates; one ls
  # and one cksum, since every process started here delays the command
  IFS=:
  set -- $module_path
  unset IFS
  set -- $(ls -lL --time-style=+%s "$java_bin" "$@" "$plugins_dir"/*.jar "$plugins_dir"/*/*.jar "$plugins_dir"/*/*/*.jar \
    2>/dev/null | cksum)
  key=$1
  archive="$cache/classes-$key.jsa"
  if [ -f "$archive" ]; then
    SOLIDAFY_JVM_OPTS="$SOLIDAFY_JVM_OPTS -XX:SharedArchiveFile=$archive"
  elif mkdir -p "$cache" 2>/dev/null && mkdir "$archive.lock" 2>/dev/null; then
    # only one training run per key; a lock older than 10 minutes belongs to a run that died
    (
      tmp="$archive.$$.tmp"
      "$java_bin" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xshare:auto -XX:ArchiveClassesAtExit="$tmp" \
        -Xlog:disable --add-modules ALL-DEFAULT -Dsolidafy.plugins.dir="$plugins_dir" -p "$module_path" \
        -m io.solidafy.cdk.runtime/io.solidafy.cdk.runtime.startup.CdsTraining > /dev/null 2>&1 \
        && mv -f "$tmp" "$archive"
      rm -f "$tmp"
      # archives of old builds: none unused for 14 days, and no more than the 4 newest (about 10 MiB each)
      find "$cache" -maxdepth 1 -name 'classes-*.jsa' -atime +14 -delete
      ls -t "$cache"/classes-*.jsa 2>/dev/null | tail -n +5 | while read -r old; do rm -f "$old"; done
      rmdir "$archive.lock"
    ) < /dev/null > /dev/null 2>&1 &
  else
    find "$cache" -maxdepth 1 -name '*.lock' -mmin +10 -exec rmdir {} + 2>/dev/null || true
  fi
}
