-- wrk script for scripts/bench.sh: every request is a join by a new person,
-- from an address of its own (the server trusts X-Forwarded-For in the run).
local threads = 0
function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

-- The run's label comes from the command line (`wrk ... -- LABEL`), so two
-- runs never reuse an address.
function init(args)
  count = 0
  run = args[1] or "run"
end

function request()
  count = count + 1
  local email = "bench-" .. run .. "-" .. thread_id .. "-" .. count .. "%40example.org"
  local body = "form%5Bsigs%5D%5Bstorage%5D=on&form%5Bdisplay_name%5D=Bench+Newcomer&form%5Bemail%5D=" .. email
  local address = "10." .. thread_id .. "." .. (math.floor(count / 250) % 250) .. "." .. (count % 250 + 1)
  return wrk.format("POST", "/api/join_sigs", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Forwarded-For"] = address,
  }, body)
end
