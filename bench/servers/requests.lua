-- wrk script: POSTs the requests listed in a file, in turn, and reports in one machine-readable line.
--
-- The file (its path is the first argument after --) holds one request per line: tab-separated
-- "Name: value" headers, then the JSON body last. Thread n of N sends lines n, n+N, n+2N, ... so every
-- line is sent once before any is sent again (each vote is cast before any retry of it).
-- done() prints "WRK_RESULT {json}" with latency percentiles in microseconds, requests per second and
-- the counts of answers that were not a clean 200: the Python driver parses that line.

local threads = {}

function setup(thread)
  thread:set("number", #threads)
  table.insert(threads, thread)
end

local requests = {}
local next_index = 1
local step = 1

function init(args)
  local first = tonumber(number) or 0  -- set by setup() in this thread's globals
  step = tonumber(args[2] or "1")
  for line in io.lines(args[1]) do
    local fields = {}
    for field in string.gmatch(line, "[^\t]+") do
      table.insert(fields, field)
    end
    local headers = { ["Content-Type"] = "application/json" }
    for i = 1, #fields - 1 do
      local name, value = string.match(fields[i], "^([^:]+):%s*(.*)$")
      headers[name] = value
    end
    table.insert(requests, wrk.format("POST", wrk.path, headers, fields[#fields]))
  end
  next_index = (first % #requests) + 1
  not_ok, graphql_errors, recorded, already_recorded = 0, 0, 0, 0
end

function request()
  local chosen = requests[next_index]
  next_index = next_index + step
  if next_index > #requests then
    next_index = ((next_index - 1) % #requests) + 1
  end
  return chosen
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
  if string.find(body, '"errors":%s*%[%s*{') then
    graphql_errors = graphql_errors + 1
  end
  if string.find(body, '"outcome":%s*"RECORDED"') then
    recorded = recorded + 1
  elseif string.find(body, '"outcome":%s*"ALREADY_RECORDED"') then
    already_recorded = already_recorded + 1
  end
end

function done(summary, latency, requests_made)
  local totals = { not_ok = 0, graphql_errors = 0, recorded = 0, already_recorded = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + (tonumber(thread:get(name)) or 0)
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "seconds": %.6f, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d,'
      .. ' "socket_errors": %d, "timeouts": %d, "not_ok": %d, "graphql_errors": %d, "recorded": %d,'
      .. ' "already_recorded": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, errors.connect + errors.read + errors.write, errors.timeout,
    totals.not_ok, totals.graphql_errors, totals.recorded, totals.already_recorded
  ))
end
