-- wrk script: StartExecution of the benchmark state machine over the AWS JSON 1.0 protocol.
-- No execution name, so every request starts a new execution (a UUID name), as a busy client would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "AWSStepFunctions.StartExecution"
wrk.body = '{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:bench", "input": "{\\"n\\": 1}"}'

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d), seconds %.2f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout, summary.duration / 1e6))
  io.write(string.format("req/s %.0f, p50 %.2f ms, p99 %.2f ms\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
