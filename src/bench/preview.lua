-- POST /api/preview with the same body every time: a content editor previewing a lesson. The body
-- is read from the file named by PREVIEW_BODY; the session cookie and the CSRF header come from
-- wrk's -H options. Counts answers other than 200 as errors.
local file = assert(io.open(os.getenv("PREVIEW_BODY"), "rb"))
wrk.method = "POST"
wrk.path = "/api/preview"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

-- A global: the main state reads each thread's count with thread:get.
failed = 0
function response(status)
  if status ~= 200 then
    failed = failed + 1
  end
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function done()
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failed")
  end
  io.write(string.format("preview errors: %d\n", total))
end
