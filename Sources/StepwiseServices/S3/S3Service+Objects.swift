import Foundation
import JSON

extension S3Service {
    /// PutObject: `Body` is written as text (a non-string JSON value as its JSON text).
    func putObject(_ request: ServiceRequest) throws -> JSON {
        let info = try store.putObject(
            bucket: request.required("Bucket"), key: request.required("Key"), data: body(request),
            contentType: request.string("ContentType"), metadata: try userMetadata(request), encryption: try encryption(request))
        return .object(Self.withEncryption(["ETag": .string(info.eTag)], info.kmsKeyArn))
    }

    /// The `Body` member as bytes: a string's UTF-8, another JSON value's JSON text.
    func body(_ request: ServiceRequest) -> Data {
        switch request["Body"] {
        case .none, .some(.null): Data()
        case .some(.string(let text)): Data(text.utf8)
        case .some(let value): Data(value.serialized().utf8)
        }
    }

    /// SSE-KMS as a request asks for it: `ServerSideEncryption` `aws:kms` (or `aws:kms:dsse`) with `SSEKMSKeyId`
    /// (the `aws/s3` managed key without one); nil for AES256 or nothing (the bucket's default then applies).
    func encryption(_ request: ServiceRequest) throws -> S3Encryption? {
        let algorithm = try request.string("ServerSideEncryption")
        let keyId = try request.string("SSEKMSKeyId")
        switch algorithm {
        case "aws:kms"?, "aws:kms:dsse"?: return S3Encryption(keyId: keyId ?? S3Store.managedKeyAlias)
        case nil, "AES256"?:
            if keyId != nil {
                throw S3Error.invalidArgument(
                    "Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms")
            }
            return nil
        case let other?: throw S3Error.invalidArgument("The encryption method specified is not supported: \(other)")
        }
    }

    /// `members` with `ServerSideEncryption` and, for SSE-KMS, `SSEKMSKeyId` (the key's ARN), as S3 answers them.
    static func withEncryption(_ members: JSONObject, _ keyArn: String?) -> JSONObject {
        var members = members
        members["ServerSideEncryption"] = keyArn == nil ? "AES256" : "aws:kms"
        if let keyArn { members["SSEKMSKeyId"] = .string(keyArn) }
        return members
    }

    /// GetObject: the content as a UTF-8 string in `Body`, as Step Functions returns it.
    func getObject(_ request: ServiceRequest) throws -> JSON {
        let (bucket, key) = (try request.required("Bucket"), try request.required("Key"))
        let data = try store.getObject(bucket: bucket, key: key)
        var response = describe(try store.headObject(bucket: bucket, key: key))
        response["Body"] = .string(String(decoding: data, as: UTF8.self))
        return .object(response)
    }

    func headObject(_ request: ServiceRequest) throws -> JSON {
        .object(describe(try store.headObject(bucket: request.required("Bucket"), key: request.required("Key"))))
    }

    func deleteObject(_ request: ServiceRequest) throws -> JSON {
        try store.deleteObject(bucket: request.required("Bucket"), key: request.required("Key"))
        return [:]
    }

    /// CopyObject from `CopySource` (`bucket/key`, URL-encoded, optionally with a leading `/`).
    func copyObject(_ request: ServiceRequest) throws -> JSON {
        let (bucket, key) = (try request.required("Bucket"), try request.required("Key"))
        let source = try copySource(request.required("CopySource"))
        let replace = try request.string("MetadataDirective") == "REPLACE"
        if source.bucket == bucket, source.key == key, !replace, try request.string("ServerSideEncryption") == nil {
            throw S3Error.invalidRequest(
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes."
            )
        }
        let replacing = replace ? (try request.string("ContentType"), try userMetadata(request)) : nil
        let info = try store.copyObject(from: source, to: bucket, key: key, replacing: replacing, encryption: encryption(request))
        let result: JSONObject = ["CopyObjectResult": ["ETag": .string(info.eTag), "LastModified": ServiceSupport.timestamp(info.lastModified)]]
        return .object(Self.withEncryption(result, info.kmsKeyArn))
    }

    /// The response members describing an object (HeadObject's, and GetObject's besides `Body`).
    func describe(_ info: S3ObjectInfo) -> JSONObject {
        let metadata = JSONObject(info.metadata.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) })
        let members: JSONObject = [
            "AcceptRanges": "bytes", "LastModified": ServiceSupport.timestamp(info.lastModified), "ContentLength": .int(info.size),
            "ETag": .string(info.eTag), "ContentType": .string(info.contentType), "Metadata": .object(metadata),
        ]
        return Self.withEncryption(members, info.kmsKeyArn)
    }

    func userMetadata(_ request: ServiceRequest) throws -> [String: String] {
        guard let value = request["Metadata"], !value.isNull else { return [:] }
        guard let object = value.objectValue, object.allSatisfy({ $0.value.stringValue != nil }) else {
            throw request.invalid("Metadata must be a map of strings")
        }
        return Dictionary(object.map { ($0.key.lowercased(), $0.value.stringValue!) }, uniquingKeysWith: { $1 })
    }

    private func copySource(_ text: String) throws -> (bucket: String, key: String) {
        var source = text.removingPercentEncoding ?? text
        if let query = source.range(of: "?versionId=") { source = String(source[..<query.lowerBound]) }
        if source.hasPrefix("/") { source.removeFirst() }
        guard let slash = source.firstIndex(of: "/"), source.index(after: slash) < source.endIndex else {
            throw S3Error.invalidArgument("Invalid copy source object key")
        }
        return (String(source[..<slash]), String(source[source.index(after: slash)...]))
    }
}
