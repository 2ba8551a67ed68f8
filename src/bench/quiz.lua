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

-- The answers to a started attempt: the first option of each question, every option in the order
-- shown for an ordering one. Read with plain searches, not patterns: wrk shares the server's two
-- cores, and matching patterns over each 4 KB start cost it 0.31-0.41 ms of CPU per start + submit,
-- plain searches 0.23-0.27 ms (the same server, runs alternating). A quote inside a JSON string is
-- escaped, so "id":" and "type":" appear only as the keys they are.
local find, sub = string.find, string.sub
local function answer_sheet(body)
  local parts, question, options = {}, nil, nil
  local pos = 1
  local function finish()
    if not question then return end
    local _, e = find(body, '"type":"', pos, true)
    local chosen = options[1] or ""
    if e and sub(body, e + 1, e + 8) == "ordering" then chosen = table.concat(options, ",") end
    parts[#parts + 1] = '"' .. question .. '":[' .. chosen .. "]"
  end
  while true do
    local _, e = find(body, '"id":"', pos, true)
    if not e then break end
    local q = find(body, '"', e + 1, true)
    local id = sub(body, e + 1, q - 1)
    if sub(body, q + 1, q + 12) == ',"options":[' then
      finish()
      question, options = id, {}
    elseif question then
      options[#options + 1] = '"' .. id .. '"'
    end
    pos = q + 1
  end
  finish()
  return '{"answers":{' .. table.concat(parts, ",") .. "}}"
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
    answers = answer_sheet(body)
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
