-- wrk script for the quiz scenario: each connection is one client that, as fast as it can, starts
-- an attempt (POST /api/modules/{module}/attempts), answers every question and submits it (POST
-- /api/attempts/{id}/submission), then starts the next one. Run with one connection per thread
-- (wrk -tN -cN): wrk's script state is per thread, and a client's next request is built from its
-- last response.
--
--   wrk -t64 -c64 -d15s -s src/bench/quiz.lua http://localhost:9280 -- vneid
--
-- Prints one line when done: "submissions/s p50_ms p99_ms errors submissions request_p50_ms
-- request_p99_ms": the first percentiles of start + submit together (from sending the start to
-- the submission's answer), the last two of one request alone.
package.path = "src/bench/?.lua;" .. package.path
local clients = require("clients")

function setup(thread)
  table.insert(clients.threads, thread)
end

-- A made-up CSRF token: the check is double-submit (the cookie repeated in a header).
local csrf = string.rep("0123456789abcdef", 3)
local module, guest
local attempt, answers

function init(args)
  module = args[1] or "vneid"
  clients.init()
end

local function cookies()
  local cookie = "hocso_csrf=" .. csrf
  if guest then cookie = cookie .. "; " .. guest end
  return { ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json" }
end

function request()
  clients.sent()
  if attempt then
    return wrk.format("POST", "/api/attempts/" .. attempt .. "/submission", cookies(), answers)
  end
  clients.start()
  return wrk.format("POST", "/api/modules/" .. module .. "/attempts", cookies(), "")
end

function response(status, headers, body)
  clients.answered()
  if not attempt then
    if status ~= 201 then
      clients.failed()
      return
    end
    local set = headers["Set-Cookie"] or headers["set-cookie"]
    if set and not guest then guest = set:match("^([^;]+)") end
    attempt = body:match('"attemptId":"(%x+)"')
    local parts = {}
    for id, options, kind in body:gmatch('"id":"(%x+)","options":%[(.-)%],"text":".-","type":"([%w_%-]+)"') do
      local chosen = {}
      for option in options:gmatch('"id":"(%x+)"') do
        table.insert(chosen, '"' .. option .. '"')
        if kind ~= "ordering" then break end
      end
      table.insert(parts, '"' .. id .. '":[' .. table.concat(chosen, ",") .. "]")
    end
    answers = '{"answers":{' .. table.concat(parts, ",") .. "}}"
    return
  end
  attempt = nil
  if status ~= 200 then
    clients.failed()
    return
  end
  clients.ok()
end

function done(summary, latency, requests)
  clients.report(summary)
end
