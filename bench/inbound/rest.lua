-- PUT /api/v1/users/<unique id> with a minimal user, the REST API's create
local counter = 0
local prefix = ""
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  prefix = (args[1] or "rest") .. "-" .. os.time() .. "-" .. tostring(tid) .. "-"
end
function request()
  counter = counter + 1
  local id = prefix .. counter
  local body = '{"username":"' .. id .. '@example.org","name":"Bench User","email":"' .. id .. '@example.org","attributes":{"title":"Engineer","department":"R&D"}}'
  return wrk.format("PUT", "/api/v1/users/" .. id, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_ADMIN_TOKEN")}, body)
end
