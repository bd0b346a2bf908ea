-- POST /scim/v2/Users with an Entra-shaped user (enterprise extension), the inbound create
local counter = 0
local prefix = ""
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  prefix = (args[1] or "scim") .. "-" .. os.time() .. "-" .. tostring(tid) .. "-"
end
function request()
  counter = counter + 1
  local id = prefix .. counter
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],'
    .. '"userName":"' .. id .. '@example.org","displayName":"Bench User","active":true,'
    .. '"emails":[{"value":"' .. id .. '@example.org","type":"work","primary":true}],"title":"Engineer",'
    .. '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}'
  return wrk.format("POST", "/scim/v2/Users", {["Content-Type"] = "application/scim+json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_INBOUND_TOKEN")}, body)
end
