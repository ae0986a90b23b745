-- wrk script: POST the login form of the benchmark user.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "username=bench%40example.com&password=bench-password-1"
