-- wrk script for quiz submissions that issue completions: each connection is one client that
-- acts as learner after learner (session tokens from a file, one per line) and passes, for each
-- learner, PER_LEARNER of the generated modules thu-nghiem-001 … thu-nghiem-MODULES, starting at
-- a module that differs from learner to learner (src/bench/content-gen: the right option reads
-- "Đáp án đúng"). Every submission is a learner's first pass of a module, so each one issues a
-- completion. Run with one connection per thread.
--
--   wrk -t64 -c64 -d15s -s src/bench/passes.lua http://localhost:9280 -- \
--     TOKENS_FILE MODULES PER_LEARNER SKIP 64
--
-- Client i takes every 64th token from the i-th; SKIP learners of each client's share are left
-- out (the ones earlier runs used). Prints one line when done: "submissions/s p50_ms p99_ms
-- errors submissions request_p50_ms request_p99_ms learners_used" (as quiz.lua).
package.path = "src/bench/?.lua;" .. package.path
local clients = require("clients")

local count = 0
function setup(thread)
  thread:set("index", count)
  count = count + 1
  table.insert(clients.threads, thread)
end

local csrf = string.rep("0123456789abcdef", 3)
local RIGHT = "Đáp án đúng"
local RIGHT_ESCAPED = "\\u0110\\u00e1p \\u00e1n \\u0111\\u00fang"
local tokens, modules, per_learner = {}, 0, 0
local learner, passed = 0, 0
local attempt, answers
learners_used = 0
skip_base = 0

function init(args)
  local mine, line_number = {}, 0
  local skip, client_count = tonumber(args[4]), tonumber(args[5])
  for line in io.lines(args[1]) do
    if line_number % client_count == index then table.insert(mine, line) end
    line_number = line_number + 1
  end
  for i = skip + 1, #mine do table.insert(tokens, mine[i]) end
  skip_base = skip
  modules = tonumber(args[2])
  per_learner = tonumber(args[3])
  learner = 1
  clients.init()
end

local function headers()
  return {
    ["Cookie"] = "hocso_csrf=" .. csrf .. "; hocso_phien=" .. tokens[learner],
    ["X-CSRF-Token"] = csrf,
    ["Content-Type"] = "application/json",
  }
end

function request()
  clients.sent()
  if attempt then
    return wrk.format("POST", "/api/attempts/" .. attempt .. "/submission", headers(), answers)
  end
  if learner > #tokens then
    error("client " .. index .. " has passed every module with every learner it was given")
  end
  clients.start()
  local module = (index * 7 + (skip_base + learner) * 13 + passed) % modules + 1
  local id = string.format("thu-nghiem-%03d", module)
  return wrk.format("POST", "/api/modules/" .. id .. "/attempts", headers(), "")
end

local function next_pass()
  passed = passed + 1
  if passed >= per_learner then
    passed = 0
    learner = learner + 1
  end
  learners_used = learner
end

function response(status, headers, body)
  clients.answered()
  if not attempt then
    if status ~= 201 then
      clients.failed()
      next_pass()
      return
    end
    attempt = body:match('"attemptId":"(%x+)"')
    local parts = {}
    for id, options in body:gmatch('"id":"(%x+)","options":%[(.-)%],"text":') do
      for html, option in options:gmatch('{"html":"(.-)","id":"(%x+)"}') do
        if html:find(RIGHT, 1, true) or html:find(RIGHT_ESCAPED, 1, true) then
          table.insert(parts, '"' .. id .. '":["' .. option .. '"]')
          break
        end
      end
    end
    answers = '{"answers":{' .. table.concat(parts, ",") .. "}}"
    return
  end
  attempt = nil
  next_pass()
  if status ~= 200 or not body:find('"passed":true', 1, true) then
    clients.failed()
    return
  end
  clients.ok()
end

function done(summary, latency, requests)
  clients.report(summary, function()
    local used = 0
    for _, thread in ipairs(clients.threads) do used = math.max(used, thread:get("learners_used")) end
    return tostring(used)
  end)
end
