-- wrk script of bench/serve-vs-fastapi.sh: posts the JSON row in $BENCH_ROW to the path in $BENCH_PATH and prints
-- one parseable line with requests/s, p99 latency and every kind of error (non-2xx answers included).
local file = assert(io.open(os.getenv("BENCH_ROW"), "r"))
wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH")
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.3f %d %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000, errors, summary.requests))
end
