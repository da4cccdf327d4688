/// The HTTP server module: HTTP/1.1 on POSIX sockets, the AWS JSON 1.0 API and the REST /jobs API.
public enum StepwiseServerModule {}
