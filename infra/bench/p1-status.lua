-- wrk script of benchmark P1: the public status of certificate numbers picked at random from the file named by
-- P1_NUMBERS (one a line). P1_DELAY_MS > 0 makes each connection wait that long between requests, to hold a
-- lower request rate than the server's most.
local numbers = {}
local delay_ms = tonumber(os.getenv("P1_DELAY_MS") or "0")

function init(args)
    for line in io.lines(os.getenv("P1_NUMBERS")) do
        numbers[#numbers + 1] = line
    end
    -- each wrk thread has its own Lua state; seed each differently so they ask for different numbers
    math.randomseed(os.time() + tonumber(tostring(numbers):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
    return wrk.format("GET", "/api/public/certificates/" .. numbers[math.random(#numbers)] .. "/status")
end

if delay_ms > 0 then
    function delay()
        return delay_ms
    end
end
