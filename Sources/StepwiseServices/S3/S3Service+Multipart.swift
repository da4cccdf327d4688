import Foundation
import JSON

extension S3Service {
    /// CreateMultipartUpload, with SSE-KMS as PutObject takes it.
    func createMultipartUpload(_ request: ServiceRequest) throws -> JSON {
        let upload = try store.createMultipartUpload(
            bucket: request.required("Bucket"), key: request.required("Key"), contentType: request.string("ContentType"),
            metadata: userMetadata(request), encryption: encryption(request))
        return .object(
            Self.withEncryption(
                ["Bucket": .string(upload.bucket), "Key": .string(upload.key), "UploadId": .string(upload.uploadId)], upload.kmsKeyArn))
    }

    /// UploadPart with the part's content in `Body` (text, as PutObject's).
    func uploadPart(_ request: ServiceRequest) throws -> JSON {
        guard let partNumber = try request.int("PartNumber") else { throw request.invalid("Missing required parameter: PartNumber") }
        let (bucket, key, uploadId) = (try request.required("Bucket"), try request.required("Key"), try request.required("UploadId"))
        let eTag = try store.uploadPart(bucket: bucket, key: key, uploadId: uploadId, partNumber: partNumber, data: body(request))
        return .object(Self.withEncryption(["ETag": .string(eTag)], try store.upload(bucket: bucket, key: key, uploadId: uploadId).kmsKeyArn))
    }

    /// CompleteMultipartUpload with `MultipartUpload.Parts` ([{PartNumber, ETag}]); `IfNoneMatch` `*` refuses to
    /// replace an existing object (`PreconditionFailed`, 412), as S3's conditional writes do.
    func completeMultipartUpload(_ request: ServiceRequest) throws -> JSON {
        let (bucket, key, uploadId) = (try request.required("Bucket"), try request.required("Key"), try request.required("UploadId"))
        let parts = try (request["MultipartUpload"]?["Parts"]?.arrayValue ?? []).map { part -> (partNumber: Int, eTag: String) in
            guard let number = part["PartNumber"]?.intValue, let eTag = part["ETag"]?.stringValue else {
                throw request.invalid("Each of MultipartUpload.Parts needs a PartNumber (integer) and an ETag (string)")
            }
            return (number, eTag)
        }
        if let condition = try request.string("IfNoneMatch") {
            guard condition == "*" else {
                throw S3Error.error("NotImplemented", "A header you provided implies functionality that is not implemented", status: 501)
            }
            _ = try store.upload(bucket: bucket, key: key, uploadId: uploadId)
            if (try? store.headObject(bucket: bucket, key: key)) != nil {
                throw S3Error.error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", status: 412)
            }
        }
        let info = try store.completeMultipartUpload(bucket: bucket, key: key, uploadId: uploadId, parts: parts)
        return .object(
            Self.withEncryption(
                [
                    "Location": .string(
                        "https://\(bucket).s3.amazonaws.com/\(key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key)"),
                    "Bucket": .string(bucket), "Key": .string(key), "ETag": .string(info.eTag),
                ], info.kmsKeyArn))
    }

    func abortMultipartUpload(_ request: ServiceRequest) throws -> JSON {
        try store.abortMultipartUpload(bucket: request.required("Bucket"), key: request.required("Key"), uploadId: request.required("UploadId"))
        return [:]
    }

    /// ListMultipartUploads with Prefix (every upload in progress on one page, up to MaxUploads, default 1000).
    func listMultipartUploads(_ request: ServiceRequest) throws -> JSON {
        let bucket = try request.required("Bucket")
        let prefix = try request.string("Prefix")
        let maxUploads = try request.int("MaxUploads") ?? 1000
        let all = try store.multipartUploads(bucket: bucket, prefix: prefix ?? "")
        let uploads = all.prefix(max(0, min(maxUploads, 1000))).map { upload -> JSON in
            [
                "UploadId": .string(upload.uploadId), "Key": .string(upload.key), "Initiated": ServiceSupport.timestamp(upload.initiated),
                "StorageClass": "STANDARD", "Owner": Self.owner, "Initiator": Self.owner,
            ]
        }
        return ServiceSupport.object([
            "Bucket": .string(bucket), "Prefix": prefix.map(JSON.string), "MaxUploads": .int(maxUploads),
            "IsTruncated": .bool(uploads.count < all.count), "Uploads": uploads.isEmpty ? nil : .array(uploads),
            "NextKeyMarker": uploads.count < all.count ? uploads.last?["Key"] : nil,
            "NextUploadIdMarker": uploads.count < all.count ? uploads.last?["UploadId"] : nil,
        ])
    }

    /// ListParts of an upload in progress, by part number (one page, up to MaxParts, default 1000).
    func listParts(_ request: ServiceRequest) throws -> JSON {
        let (bucket, key, uploadId) = (try request.required("Bucket"), try request.required("Key"), try request.required("UploadId"))
        let upload = try store.upload(bucket: bucket, key: key, uploadId: uploadId)
        let maxParts = try request.int("MaxParts") ?? 1000
        let marker = try request.int("PartNumberMarker") ?? 0
        let all = try store.parts(uploadId: upload.uploadId).filter { $0.partNumber > marker }
        let parts = all.prefix(max(0, min(maxParts, 1000)))
        let truncated = parts.count < all.count
        return ServiceSupport.object([
            "Bucket": .string(bucket), "Key": .string(key), "UploadId": .string(uploadId), "PartNumberMarker": .int(marker),
            "NextPartNumberMarker": truncated ? parts.last.map { .int($0.partNumber) } : nil, "MaxParts": .int(maxParts),
            "IsTruncated": .bool(truncated),
            "Parts": parts.isEmpty
                ? nil
                : .array(
                    parts.map { part in
                        [
                            "PartNumber": .int(part.partNumber), "LastModified": ServiceSupport.timestamp(part.lastModified),
                            "ETag": .string(part.eTag),
                            "Size": .int(part.size),
                        ]
                    }),
            "StorageClass": "STANDARD", "Owner": Self.owner, "Initiator": Self.owner,
        ])
    }

    static let owner: JSON = ["DisplayName": "stepwise", "ID": .string(ownerID)]
}
