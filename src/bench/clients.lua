-- What the wrk client scripts (quiz.lua, passes.lua) share: a monotonic clock, each thread's
-- latency histogram and counts, and the one line printed at the end. A client script calls
-- clients.start() when a round trip begins, clients.ok() or clients.failed() when it ends, and
-- clients.report(summary, extra) from done(); and clients.sent() / clients.answered() around every
-- single request, for the latency of one request alone. Loaded per Lua state (wrk's main state and one per
-- thread) with require: run wrk from the repository's root.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local BUCKETS = 50000 -- 0.1 ms each; the last one holds everything slower

local clients = { threads = {} }

local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

-- The per-thread state, as globals so that the main state can read them with thread:get.
buckets = {}
request_buckets = {}
submissions = 0
errors = 0
local started_at = 0
local sent_at = 0

function clients.init()
  for i = 0, BUCKETS do buckets[i] = 0; request_buckets[i] = 0 end
end

local function count(histogram, since)
  local bucket = math.floor((now_us() - since) / 100)
  if bucket > BUCKETS then bucket = BUCKETS end
  histogram[bucket] = histogram[bucket] + 1
end

function clients.sent()
  sent_at = now_us()
end

function clients.answered()
  count(request_buckets, sent_at)
end

function clients.start()
  started_at = now_us()
end

function clients.ok()
  submissions = submissions + 1
  count(buckets, started_at)
end

function clients.failed()
  errors = errors + 1
end

-- Prints "submissions/s p50_ms p99_ms errors submissions request_p50_ms request_p99_ms" (the
-- first percentiles of a whole round trip, the last two of one request alone), then what extra
-- returns (if given).
function clients.report(summary, extra)
  local all, failed, counts, request_counts, requests = 0, 0, {}, {}, 0
  for _, thread in ipairs(clients.threads) do
    all = all + thread:get("submissions")
    failed = failed + thread:get("errors")
    local mine = thread:get("buckets")
    local mine_requests = thread:get("request_buckets")
    for i = 0, BUCKETS do
      counts[i] = (counts[i] or 0) + (mine[i] or 0)
      request_counts[i] = (request_counts[i] or 0) + (mine_requests[i] or 0)
      requests = requests + (mine_requests[i] or 0)
    end
  end
  local function percentile_of(histogram, total, p)
    local target, seen = math.ceil(p * total), 0
    for i = 0, BUCKETS do
      seen = seen + histogram[i]
      if seen >= target and target > 0 then return (i + 1) / 10 end
    end
    return 0
  end
  local function percentile(p) return percentile_of(counts, all, p) end
  local errors_all = failed + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("%.0f %.2f %.2f %d %d %.2f %.2f%s\n", all / (summary.duration / 1000000),
    percentile(0.5), percentile(0.99), errors_all, all, percentile_of(request_counts, requests, 0.5),
    percentile_of(request_counts, requests, 0.99), extra and (" " .. extra()) or ""))
end

return clients
