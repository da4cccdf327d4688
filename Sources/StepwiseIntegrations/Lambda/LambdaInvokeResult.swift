import Foundation
import JSON

/// The result of `arn:aws:states:::lambda:invoke` as AWS records it: the function's response in `Payload`,
/// wrapped in the SDK's metadata.
enum LambdaInvokeResult {
    static func shape(
        payload: JSON, statusCode: Int = 200, version: String = "$LATEST", requestId: String = UUID().uuidString.lowercased(), date: Date = Date()
    ) -> JSON {
        let length = String(payload.serializedSize)
        let stamp = httpDate(date)
        let headers: [(String, String)] = [
            ("Connection", "keep-alive"), ("Content-Length", length), ("Content-Type", "application/json"), ("Date", stamp),
            ("X-Amz-Executed-Version", version), ("x-amzn-Remapped-Content-Length", "0"), ("x-amzn-RequestId", requestId),
        ]
        let all = JSONObject(headers.map { ($0.0, JSON.array([.string($0.1)])) })
        let single = JSONObject(headers.map { ($0.0, JSON.string($0.1)) })
        return [
            "ExecutedVersion": .string(version),
            "Payload": payload,
            "SdkHttpMetadata": ["AllHttpHeaders": .object(all), "HttpHeaders": .object(single), "HttpStatusCode": .int(statusCode)],
            "SdkResponseMetadata": ["RequestId": .string(requestId)],
            "StatusCode": .int(statusCode),
        ]
    }

    /// RFC 7231 date: `Tue, 15 Nov 1994 08:12:31 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
