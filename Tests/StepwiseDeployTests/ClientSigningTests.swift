import Foundation
import SigV4
import StepwiseDeploy
import StepwiseTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The client's requests carry the headers and signature botocore gives the same Step Functions call.
@Suite(.timeLimit(.minutes(1)))
struct ClientSigningTests {
    static let script = #"""
        import datetime, sys
        from unittest import mock
        import botocore.auth, botocore.awsrequest, botocore.credentials
        url, target, body, token = sys.argv[1:5]
        request = botocore.awsrequest.AWSRequest(
            method="POST", url=url, data=body.encode(),
            headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": target})
        credentials = botocore.credentials.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token or None)
        now = datetime.datetime(2026, 12, 7, 14, 33, 26)
        with mock.patch.object(botocore.auth, "get_current_datetime", return_value=now):
            botocore.auth.SigV4Auth(credentials, "states", "eu-west-1").add_auth(request)
        print(request.headers["X-Amz-Date"])
        print(request.headers["Authorization"])
        print(request.headers.get("X-Amz-Security-Token", ""))
        """#

    @Test(
        "Signed as botocore signs it", arguments: [("https://states.eu-west-1.amazonaws.com", ""), ("http://127.0.0.1:8083", "session/token")])
    func signedAsBotocore(endpoint: String, token: String) async throws {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: token.isEmpty ? nil : token)
        let client = StepFunctionsClient(endpoint: try #require(URL(string: endpoint)), region: "eu-west-1", credentials: credentials)
        let body = #"{"maxResults":1000}"#
        let request = client.signedRequest(action: "ListStateMachines", body: Data(body.utf8), date: Date(timeIntervalSince1970: 1_796_654_006))
        let expected = try await botocore([endpoint + "/", "AWSStepFunctions.ListStateMachines", body, token])
        #expect(request.value(forHTTPHeaderField: "X-Amz-Date") == expected[0])
        #expect(request.value(forHTTPHeaderField: "Authorization") == expected[1])
        #expect((request.value(forHTTPHeaderField: "X-Amz-Security-Token") ?? "") == expected[2])
        #expect(request.httpMethod == "POST")
        #expect(request.url?.absoluteString == endpoint + "/")
    }

    /// The three lines botocore's script prints.
    func botocore(_ arguments: [String]) async throws -> [String] {
        let directory = try TestSupport.temporaryDirectory()
        let process = try TestSupport.spawnPython(Self.script, arguments: arguments, in: directory)
        await process.exited()
        let output = try String(contentsOf: directory.appendingPathComponent("python.out"), encoding: .utf8)
        return output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
