#!/usr/bin/env bash
# Kiln's neural networks beside PyTorch's (Debian's python3-torch) on the same data with the same settings: the dense
# network of docs/examples/mlp.json (784-256-128-10 with dropout) and the CNN of docs/examples/cnn.json (conv 32-64-128
# with pooling, dropout and a dense head), trained on Fashion-MNIST — and the dense one on MNIST when its training images
# are there — with the same thread count and batch size; bench/nn_torch.py builds each spec's layers, initialisation,
# Adam settings and learning-rate schedule in PyTorch, and both sides scale pixels by 1/255. Each side runs in its own process; prints the median epoch time after the first (wall clock, and
# processor time, which other work on the machine disturbs less), the ratio Kiln/PyTorch (below 1 means Kiln is
# faster) and each side's test accuracy after the last epoch. Per-epoch lines go to standard error.
# Debian links python3-torch to the reference BLAS (netlib) unless OpenBLAS is installed, which makes PyTorch's dense
# layers several times slower than PyTorch as usually installed; the script then runs PyTorch on Debian's OpenBLAS built
# for OpenMP (libopenblas0-openmp, fetched with apt-get download into bench/out, not installed), which shares PyTorch's
# OpenMP threads — the pthreads build would fight them for the cores — so the anchor is a fair one.
# NN_TORCH_BLAS=system keeps whatever BLAS the system has.
# Usage: bench/nn-vs-torch.sh [epochs] [threads] [batch size] [networks: fashion-dense,fashion-cnn,mnist-dense]
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-10}
threads=${2:-$(nproc)}
batch=${3:-64}
networks=${4:-fashion-dense,fashion-cnn,mnist-dense}
python=/usr/bin/python3
datasets=${KILN_SHARED:-$(cd .. && pwd)/shared}/datasets
mkdir -p bench/out

"$python" -c 'import torch' 2>/dev/null || { echo "PyTorch is missing: apt-get install -y python3-torch" >&2; exit 1; }
torch_library=$("$python" -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "lib", "libtorch_cpu.so"))')
system_blas=$(readlink -f "$(ldd "$torch_library" | awk '/libblas.so.3/ { print $3 }')")
blas="the system's BLAS ($system_blas)"
torch_env=(OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads")
# netlib's reference BLAS lives in .../blas/; OpenBLAS, BLIS and MKL install elsewhere
if [ "${NN_TORCH_BLAS:-}" != system ] && [[ $system_blas == */blas/libblas.so.3* ]]; then
  openblas=bench/out/openblas/usr/lib/x86_64-linux-gnu/openblas-openmp
  if [ ! -f "$openblas/libblas.so.3" ]; then
    mkdir -p bench/out/openblas
    (cd bench/out/openblas && apt-get download -q libopenblas0-openmp >/dev/null 2>&1 && dpkg-deb -x libopenblas0-openmp_*.deb .) ||
      { echo "could not fetch libopenblas0-openmp with apt-get download; set NN_TORCH_BLAS=system to run PyTorch on $system_blas" >&2; exit 1; }
  fi
  torch_env+=(LD_LIBRARY_PATH="$PWD/$openblas")
  blas="OpenBLAS $(ls bench/out/openblas/libopenblas0-openmp_*.deb | sed 's/.*openmp_\(.*\)_amd64.deb/\1/') (OpenMP)"
fi
dotnet build bench/Kiln.Bench -c Release -nologo -v:quiet -clp:ErrorsOnly >/dev/null

# Other people's work during the run: the machine's busy processor time (user, nice, system, irq, softirq, steal) less
# the benchmark's own, in core-seconds.
busy_seconds() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }
load_before=$(cut -d' ' -f1 /proc/loadavg)
busy_before=$(busy_seconds)
start=$(date +%s.%N)
: > bench/out/nn-kiln.txt
: > bench/out/nn-torch.txt
: > bench/out/nn-cpu.txt
missing=()
for network in ${networks//,/ }; do
  case $network in
    fashion-dense) data=fashion-mnist spec=docs/examples/mlp.json ;;
    fashion-cnn) data=fashion-mnist spec=docs/examples/cnn.json ;;
    mnist-dense) data=mnist spec=docs/examples/mlp.json ;;
    *) echo "unknown network '$network': fashion-dense, fashion-cnn or mnist-dense" >&2; exit 64 ;;
  esac
  folder="$datasets/$data"
  if ! ls "$folder"/train-images-idx3-ubyte* >/dev/null 2>&1; then
    missing+=("$network: not measured, $folder has no training images")
    continue
  fi
  /usr/bin/time -a -o bench/out/nn-cpu.txt -f "%U %S" dotnet bench/Kiln.Bench/bin/Release/net10.0/Kiln.Bench.dll nn "$network" "$spec" "$folder" "$epochs" "$threads" "$batch" | tee -a bench/out/nn-kiln.txt >&2
  /usr/bin/time -a -o bench/out/nn-cpu.txt -f "%U %S" env "${torch_env[@]}" "$python" bench/nn_torch.py "$network" "$spec" "$folder" "$epochs" "$threads" "$batch" | tee -a bench/out/nn-torch.txt >&2
done
others=$(awk -v busy="$(busy_seconds)" -v before="$busy_before" -v start="$start" -v end="$(date +%s.%N)" \
  '{ ours += $1 + $2 } END { printf "%.2f", (busy - before - ours) / (end - start) }' bench/out/nn-cpu.txt)

echo "$(nproc) cores, $threads threads, batch size $batch, $epochs epochs, PyTorch $("$python" -c 'import torch; print(torch.__version__)') on $blas"
echo "load average $load_before before the run; other work used $others cores on average during it"
printf '%-32s %10s %10s %10s\n' measure kiln torch kiln/torch
join <(sort bench/out/nn-kiln.txt) <(sort bench/out/nn-torch.txt) |
  awk '/accuracy/ { printf "%-32s %10.4f %10.4f %+10.4f\n", $1, $2, $3, $2 - $3; next }
       { printf "%-32s %9.3fs %9.3fs %9.2fx\n", $1, $2, $3, $2 / $3 }'
for line in "${missing[@]}"; do echo "$line"; done
if awk -v load="$load_before" -v others="$others" 'BEGIN { exit !(load >= 1.5 || others >= 0.1) }'; then
  echo "the machine was not quiet (load average 1.5 or more before, or other work above 0.1 core during the run): the times are not a valid comparison; re-run on a quiet machine"
fi
