-- Rotates distinct searches in Nanjing so no two consecutive requests ask the same thing (and no cache can carry the run).
-- Environment: SEARCH_PATH (default /api/postings/search; /jobs for the page), PAGE_SIZE (API only; default 20).
-- Each query below finds at least 20 open postings in Nanjing on the demo data, as typed (no relaxation).
local queries = {
  "会计", "软件工程师", "销售", "java", "数据分析", "教师", "市场营销", "客服",
  "财务", "设计师", "运营", "人力资源", "物流", "实习",
}

local path = os.getenv("SEARCH_PATH") or "/api/postings/search"
local size = os.getenv("PAGE_SIZE") or "20"

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local encoded = {}
for i, q in ipairs(queries) do
  local url = path .. "?q=" .. encode(q) .. "&city=nanjing"
  if path ~= "/jobs" then
    url = url .. "&pageSize=" .. size
  end
  encoded[i] = url
end

local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 5
end

local n = 0
function request()
  n = n + 1
  return wrk.format("GET", encoded[((n + offset) % #encoded) + 1])
end

-- Anything but 200 (a 429 from the rate limiter, a 500) makes the run worthless: count and report it.
local bad = 0
function response(status)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local non200 = summary.errors.status
  io.write(string.format("non-2xx responses: %d\n", non200))
end
