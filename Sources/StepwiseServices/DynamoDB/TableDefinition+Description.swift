import Foundation
import JSON

extension TableDefinition {
    /// The TableDescription shape of DescribeTable, CreateTable and DeleteTable.
    func description(status: String, itemCount: Int, sizeBytes: Int, region: String, account: String) -> JSON {
        let created = JSON.string(Self.timestamp(created))
        var throughput: JSON = ["NumberOfDecreasesToday": 0, "ReadCapacityUnits": .int(readCapacity), "WriteCapacityUnits": .int(writeCapacity)]
        if billingMode == "PAY_PER_REQUEST" { throughput = ["NumberOfDecreasesToday": 0, "ReadCapacityUnits": 0, "WriteCapacityUnits": 0] }
        var table: JSON = [
            "AttributeDefinitions": attributeDefinitionsJSON,
            "TableName": .string(name),
            "KeySchema": keySchemaJSON,
            "TableStatus": .string(status),
            "CreationDateTime": created,
            "ProvisionedThroughput": throughput,
            "TableSizeBytes": .int(sizeBytes),
            "ItemCount": .int(itemCount),
            "TableArn": .string("arn:aws:dynamodb:\(region):\(account):table/\(name)"),
            "TableId": .string(Self.tableID(name)),
            "DeletionProtectionEnabled": false,
        ]
        if billingMode == "PAY_PER_REQUEST", case .object(var object) = table {
            object["BillingModeSummary"] = ["BillingMode": "PAY_PER_REQUEST", "LastUpdateToPayPerRequestDateTime": created]
            table = .object(object)
        }
        return table
    }

    /// ISO 8601 with milliseconds, as Step Functions renders SDK timestamps.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// A stable UUID-shaped id derived from the table name (FNV-1a), so DescribeTable answers the same each time.
    private static func tableID(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var hex = ""
        for round in 0..<2 {
            for byte in (name + "\(round)").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hex += String(hash, radix: 16).leftPadded(to: 16)
        }
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
