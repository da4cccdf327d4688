import Foundation
import JSON
import SigV4

/// `stepwise sigv4-sign` (hidden, for tests): signs the request described by a JSON object on stdin with our
/// signer and prints the signed target and headers, so Tests/client can compare them byte for byte with
/// botocore's signer. Input: `{"region", "service", "accessKeyId", "secretAccessKey", "sessionToken"?, "date":
/// "20150830T123600Z", "method", "path", "query": [[name, value]], "headers": [[name, value]], "body",
/// "contentSha256"?: true, "presign"?: seconds}`; output: `{"target", "headers": [[name, value]]}`.
enum SigV4SignCommand: Command {
    static let name = "sigv4-sign"
    static let summary = "Sign a request described on stdin (tests)"
    static let help = "Usage: stepwise sigv4-sign < request.json\n\nSigns the request described on stdin with AWS SigV4 (a test aid)."
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard let input = try? JSON(parsing: Array(output.stdin())), let date = input["date"]?.stringValue.flatMap(AMZDate.parse) else {
            output.error("stepwise sigv4-sign: expected a JSON request with a 'date' like 20150830T123600Z on stdin")
            return 2
        }
        let text = { (key: String) in input[key]?.stringValue ?? "" }
        let pairs = { (key: String) in
            (input[key]?.arrayValue ?? []).map { pair in
                SigV4Request.Field(pair.arrayValue?.first?.stringValue ?? "", pair.arrayValue?.last?.stringValue ?? "")
            }
        }
        let credentials = AWSCredentials(
            accessKeyID: text("accessKeyId"), secretAccessKey: text("secretAccessKey"), sessionToken: input["sessionToken"]?.stringValue)
        let signer = SigV4Signer(region: text("region"), service: text("service"), credentials: credentials)
        let request = SigV4Request(
            method: text("method"), path: text("path"), query: pairs("query"), headers: pairs("headers"), body: Array(text("body").utf8))
        let signed =
            if let expires = input["presign"]?.intValue {
                signer.presign(request, date: date, expires: expires)
            } else {
                signer.sign(request, date: date, contentSHA256Header: input["contentSha256"]?.boolValue ?? false)
            }
        let headers = signed.headers.map { JSON.array([.string($0.name), .string($0.value)]) }
        output.print(JSON.object(["target": .string(signed.target), "headers": .array(headers)]).serialized())
        return 0
    }
}
