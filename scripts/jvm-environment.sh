# Sourced by ./kdbench and bench/step-table: the one place that says how kdbench's JVM computes, so cells and the
# training-step benchmark run alike. Usage: jvm_environment FAST (1 = --fast, 0 = deterministic); it exports the
# thread count and pins and sets the array jvm_options (without the heap size, which the caller chooses).
jvm_environment() {
  # oneDNN natives where the CPU has AVX2 (5x faster convolutions), plain natives otherwise.
  local ext=""
  if grep -qw avx2 /proc/cpuinfo 2>/dev/null; then ext="-onednn-avx2"; fi

  # One OpenMP thread per op: cells run side by side instead (--jobs), which is faster for these small networks,
  # and the summation order, so the bits, are the same whatever the machine's core count.
  export OMP_NUM_THREADS=1

  # Deterministic mode (the default): oneDNN and OpenBLAS choose their kernels at run time from the CPU, so an
  # AVX-512 machine computes other bits than an AVX2 one. Pin both to the AVX2 kernels every supported CPU has.
  # --fast leaves them free (cells are then named by the CPU's instruction set too).
  if [ "$1" = 0 ] && [ -n "$ext" ]; then
    export DNNL_MAX_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell
  else
    unset DNNL_MAX_CPU_ISA ONEDNN_MAX_CPU_ISA OPENBLAS_CORETYPE
  fi

  jvm_options=(-Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G
               -Djavacpp.platform.extension="$ext")
}
