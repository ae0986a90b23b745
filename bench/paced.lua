-- wrk script: a light, paced probe (each connection waits 5 ms between requests), so the probe
-- measures latency without itself saturating the 2 cores.
function delay()
  return 5
end
