-- Send the requests of a file, one per line: method, path, body, then "Name: value" headers, all
-- separated by tabs (written by quiz/benchmarks/traffic.py).
--
--   wrk -s requests.lua <url> -- <file> <once|cycle>
--
-- Thread n of N takes lines n, n + N, n + 2N, ..., so no two threads share a line, and a thread sends its
-- lines in order, so no two of its connections share one either. With "cycle" a thread starts over at
-- the end of its lines; with "once" it starts over too but counts each line sent again as an overrun,
-- which the benchmark reports as an error (a POST that must store something new each time).
-- done() prints one line, "wrk-result {json}", with the figures the benchmark reads.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(fields, field)
  end
  return fields
end

function init(args)
  local path, mode, count = args[1], args[2], tonumber(args[3])
  once = mode == "once"
  lines = {}
  local number = 0
  for line in io.lines(path) do
    if number % count == id then
      local fields = split(line)
      local headers = {}
      for index = 4, #fields do
        local name, value = fields[index]:match("^([^:]+): (.*)$")
        headers[name] = value
      end
      local body = fields[3] ~= "" and fields[3] or nil
      table.insert(lines, wrk.format(fields[1], fields[2], headers, body))
    end
    number = number + 1
  end
  index, sent, overrun, answered, statuses = 0, 0, 0, 0, {}
end

function request()
  index = index + 1
  if index > #lines then
    index = 1
  end
  sent = sent + 1
  if once and sent > #lines then
    overrun = overrun + 1
  end
  return lines[index]
end

function response(status, headers, body)
  answered = answered + 1
  statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
end

function done(summary, latency, requests)
  local sent, overrun, answered, statuses = 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("sent")
    overrun = overrun + thread:get("overrun")
    answered = answered + thread:get("answered")
    for status, count in pairs(thread:get("statuses")) do
      statuses[status] = (statuses[status] or 0) + count
    end
  end
  local counts = {}
  for status, count in pairs(statuses) do
    table.insert(counts, string.format('"%s": %d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'wrk-result {"requests": %d, "duration_us": %d, "sent": %d, "answered": %d, "overrun": %d, '
      .. '"p50_us": %d, "p99_us": %d, "max_us": %d, "statuses": {%s}, '
      .. '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, sent, answered, overrun,
    latency:percentile(50), latency:percentile(99), latency.max, table.concat(counts, ", "),
    errors.connect, errors.read, errors.write, errors.timeout
  ))
end
