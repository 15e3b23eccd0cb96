-- wrk script: replays pre-signed webhook deliveries ("<wamid>\t<signature>\t<body>" a line).
--
--   wrk -t C -c C ... -s replay.lua URL -- SHARE_PREFIX LEDGER_PREFIX
--
-- Thread i replays the file SHARE_PREFIX followed by i in three digits (bench/ingest/run deals
-- the deliveries out with split -n r/C). Reading only its own share keeps init() short: wrk runs
-- every thread's init() before it starts the clock, while the first threads already send.
--
-- Run with as many threads as connections: each thread then has one connection, on which a
-- request and its answer strictly alternate, so every answer can be matched to the delivery it
-- acknowledges. done() writes that ledger for the correctness check:
--   LEDGER_PREFIX.ok          wamids answered 200 at least once
--   LEDGER_PREFIX.unanswered  wamids sent without an answer (in flight when wrk stopped, or on a
--                             broken connection); the hub may or may not have stored them
-- and prints one "RESULT key=value ..." line that bench/ingest/run reads.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- Per thread: its share of the deliveries, pre-formatted.
local requests, wamids = {}, {}
local pos = 0
-- Globals, so that done() can read them through thread:get.
inflight = nil
ok, unanswered = {}, {}
sent, fresh, answered, non2xx, codes = 0, 0, 0, 0, ""
local seen_ok = {}
local code_counts = {}

function init(args)
  ledger = args[2]
  for line in io.lines(string.format("%s%03d", args[1], tid)) do
    local wamid, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/webhook", {
      ["Content-Type"] = "application/json",
      ["X-Hub-Signature-256"] = signature,
    }, body)
    wamids[#wamids + 1] = wamid
  end
  if #requests == 0 then
    error("no deliveries for thread " .. tid .. ": generate at least as many as connections")
  end
end

function request()
  -- A request whose answer never came (wrk reconnected) stays on the ledger as unanswered.
  -- (wrk also asks thread 0 for one request before the run, only to check that it parses;
  -- that one shows up here as unanswered and is simply delivered again afterwards.)
  if inflight then unanswered[#unanswered + 1] = inflight end
  pos = pos % #requests + 1
  inflight = wamids[pos]
  sent = sent + 1
  -- Past the first lap every delivery is a redelivery, as when Meta retries.
  if sent <= #requests then fresh = fresh + 1 end
  return requests[pos]
end

function response(status, headers, body)
  local wamid = inflight
  inflight = nil
  answered = answered + 1
  if status == 200 then
    if wamid and not seen_ok[wamid] then
      seen_ok[wamid] = true
      ok[#ok + 1] = wamid
    end
  else
    non2xx = non2xx + 1
    code_counts[status] = (code_counts[status] or 0) + 1
    local parts = {}
    for code, n in pairs(code_counts) do parts[#parts + 1] = code .. ":" .. n end
    codes = table.concat(parts, ",")
  end
end

function done(summary, latency, requests_stats)
  local prefix = threads[1]:get("ledger")
  local okf = assert(io.open(prefix .. ".ok", "w"))
  local unf = assert(io.open(prefix .. ".unanswered", "w"))
  local total = { sent = 0, fresh = 0, answered = 0, non2xx = 0, ok = 0 }
  local all_codes = {}
  for _, t in ipairs(threads) do
    for _, w in ipairs(t:get("ok")) do okf:write(w, "\n") end
    for _, w in ipairs(t:get("unanswered")) do unf:write(w, "\n") end
    local last = t:get("inflight")
    if last then unf:write(last, "\n") end
    for _, key in ipairs({ "sent", "fresh", "answered", "non2xx" }) do
      total[key] = total[key] + t:get(key)
    end
    total.ok = total.ok + #t:get("ok")
    local c = t:get("codes")
    if c ~= "" then all_codes[#all_codes + 1] = c end
  end
  okf:close()
  unf:close()
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT seconds=%.3f requests=%d answered=%d ok_rate=%.1f p50_us=%d p99_us=%d " ..
    "non2xx=%d codes=%s socket_errors=%d timeouts=%d sent=%d fresh=%d distinct_ok=%d\n",
    seconds, summary.requests, total.answered, (total.answered - total.non2xx) / seconds,
    latency:percentile(50), latency:percentile(99), total.non2xx,
    #all_codes > 0 and table.concat(all_codes, ",") or "-",
    e.connect + e.read + e.write, e.timeout, total.sent, total.fresh, total.ok))
end
