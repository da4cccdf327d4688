import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// A fresh data directory with an S3 service on it.
struct S3Fixture {
    let directory: DataDirectory
    let service: S3Service

    init() throws {
        directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        service = S3Service(store: S3Store(dataDirectory: directory))
    }

    /// Calls `action` with `input`.
    @discardableResult
    func call(_ action: String, _ input: JSON) throws -> JSON { try service.call(action, input: input) }

    /// The name of the error `body` throws, or nil.
    func errorName(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as StatesError {
            return error.name
        } catch {
            return "\(error)"
        }
    }
}
