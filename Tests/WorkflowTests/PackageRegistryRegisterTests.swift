import Foundation
import JSON
import StepwiseTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// workflows/register-package.asl.json end to end on the seeded local services (users alice: publishers (SS),
/// bob: readers (L), carol: admins (L)) and the validator stand-in over real HTTP.
@Suite("Package registry: register-package", .serialized, .heavy, .timeLimit(.minutes(5)))
struct PackageRegistryRegisterTests {
    static func request(_ name: JSON, _ version: JSON, user: String = "alice", _ extra: JSONObject = [:]) -> JSON {
        var input: JSONObject = ["name": name, "version": version, "userId": .string(user)]
        for (key, value) in extra { input[key] = value }
        return .object(input)
    }

    @Test("A registration writes the row; the same name and version again is PackageAlreadyRegistered; a new version is fine")
    func registerThenDuplicate() async throws {
        let directory = try Registry.dataDirectory()
        let first = try await Registry.run("register-package", directory, Self.request("sentiment-classifier", "1.0.0"), name: "reg-1")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.output
                == [
                    "name": "sentiment-classifier", "version": "1.0.0", "s3Key": .string(Registry.fixtureKeys[1]), "size": 292,
                    "etag": .string(Registry.fixtureETags[1]), "status": "REGISTERED", "owner": "alice", "validated": false,
                ])
        let row = try #require(try await Registry.row(directory, "sentiment-classifier", "1.0.0"))
        #expect(
            row
                == [
                    "name": "sentiment-classifier", "version": "1.0.0", "size": 292, "etag": .string(Registry.fixtureETags[1]),
                    "s3Key": .string(Registry.fixtureKeys[1]), "status": "REGISTERED", "registeredAt": row["registeredAt"] ?? .null,
                    "owner": "alice", "registeredBy": "reg-1", "validated": false, "metadata": [:],
                ])
        let before = try await Registry.items(directory)
        let duplicate = try await Registry.run("register-package", directory, Self.request("sentiment-classifier", "1.0.0", user: "carol"))
        #expect(duplicate.status == 1)
        #expect(Registry.failure(duplicate) == "FAILED: PackageAlreadyRegistered: Package sentiment-classifier version 1.0.0 is already registered")
        #expect(JSON.array(try await Registry.items(directory)).serialized() == JSON.array(before).serialized())
        let next = try await Registry.run("register-package", directory, Self.request("sentiment-classifier", "1.1.0"))
        #expect(next.status == 0)
        #expect(try await Registry.rows(directory).map { $0["version"] } == ["1.0.0", "1.1.0"])
        // A row reconcile-packages finds already registered is left as it is.
        let reconcile = try await Registry.run("reconcile-packages", directory, [:], name: "recon-after")
        #expect(reconcile.output?["counts"]?["registered"] == 1)
        #expect(reconcile.output?["counts"]?["unchanged"] == 2)
        #expect(try await Registry.row(directory, "sentiment-classifier", "1.0.0") == row)
    }

    @Test(
        "Names and semantic versions (SemVer 2.0.0) are checked before anything is read",
        arguments: [
            (JSON.string("Sentiment"), JSON.string("1.0.0"), "InvalidPackageName", "Package name Sentiment is invalid"),
            ("-model", "1.0.0", "InvalidPackageName", "Package name -model is invalid"),
            ("model-", "1.0.0", "InvalidPackageName", "Package name model- is invalid"),
            ("a/b", "1.0.0", "InvalidPackageName", "Package name a/b is invalid"),
            (.int(42), "1.0.0", "InvalidPackageName", "Package name 42 is invalid"),
            ("model", "1.0", "InvalidVersion", "Version 1.0 is not a semantic version"),
            ("model", "01.0.0", "InvalidVersion", "Version 01.0.0 is not a semantic version"),
            ("model", "1.0.0-01", "InvalidVersion", "Version 1.0.0-01 is not a semantic version"),
            ("model", "1.0.0-", "InvalidVersion", "Version 1.0.0- is not a semantic version"),
            ("model", "1.0.0+", "InvalidVersion", "Version 1.0.0+ is not a semantic version"),
            ("model", "v1.0.0", "InvalidVersion", "Version v1.0.0 is not a semantic version"),
            ("model", "1.0.0-alpha..1", "InvalidVersion", "Version 1.0.0-alpha..1 is not a semantic version"),
            ("model", .int(1), "InvalidVersion", "Version 1 is not a semantic version"),
        ])
    func invalidNamesAndVersions(name: JSON, version: JSON, error: String, cause: String) async throws {
        let directory = try Registry.dataDirectory()
        let run = try await Registry.run("register-package", directory, Self.request(name, version))
        #expect(run.status == 1)
        #expect(Registry.failure(run).hasPrefix("FAILED: \(error): \(cause)"), "\(run.stderr)")
    }

    @Test("Valid semantic versions pass the check (and then find no artifact)")
    func validVersions() async throws {
        let directory = try Registry.dataDirectory()
        for version in [
            "0.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-alpha+001", "1.0.0+20130313144700",
            "1.0.0-beta+exp.sha.5114f85", "10.20.30",
        ] {
            let run = try await Registry.run("register-package", directory, Self.request("model", .string(version)))
            #expect(
                Registry.failure(run)
                    == "FAILED: ArtifactNotFound: s3://pkg-artifacts/packages/model/\(version)/model-\(version).tgz does not exist", "\(version)")
        }
    }

    @Test("The caller must be in publishers or admins: groups as a string set or a list; unknown callers are refused")
    func groupCheck() async throws {
        let directory = try Registry.dataDirectory()
        let bob = try await Registry.run("register-package", directory, Self.request("image-tagger", "2.0.0-beta.1", user: "bob"))
        #expect(Registry.failure(bob) == "FAILED: CallerNotAuthorized: User bob is not in the group publishers or admins")
        let unknown = try await Registry.run("register-package", directory, Self.request("image-tagger", "2.0.0-beta.1", user: "mallory"))
        #expect(Registry.failure(unknown) == "FAILED: CallerNotAuthorized: User mallory is not known to the registry")
        #expect(try await Registry.rows(directory).isEmpty)
        let carol = try await Registry.run("register-package", directory, Self.request("image-tagger", "2.0.0-beta.1", user: "carol"))
        #expect(carol.status == 0)
        #expect(try await Registry.row(directory, "image-tagger", "2.0.0-beta.1")?["owner"] == "carol")
    }

    @Test("The validator service over HTTP: a package it accepts is registered as validated, one it rejects is PackageRejected")
    func validator() async throws {
        let directory = try Registry.dataDirectory()
        let (process, url) = try await Registry.startValidator(in: directory.deletingLastPathComponent(), ["--deny", "image-tagger"])
        defer { kill(process.processIdentifier, SIGKILL) }
        let accepted = try await Registry.run(
            "register-package", directory, Self.request("sentiment-classifier", "1.1.0", ["validate": true, "validatorUrl": .string(url)]))
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.output?["validated"] == true)
        #expect(try await Registry.row(directory, "sentiment-classifier", "1.1.0")?["validated"] == true)
        let rejected = try await Registry.run(
            "register-package", directory,
            Self.request("image-tagger", "2.0.0-beta.1", user: "carol", ["validate": true, "validatorUrl": .string(url)]))
        #expect(rejected.status == 1)
        #expect(
            Registry.failure(rejected)
                == "FAILED: PackageRejected: The validator rejected image-tagger 2.0.0-beta.1: package image-tagger is on the deny list")
        #expect(try await Registry.row(directory, "image-tagger", "2.0.0-beta.1") == nil)
        // What the validator was asked, in order.
        #expect(
            try await Registry.get(url + "/requests")
                == [
                    [
                        "name": "sentiment-classifier", "version": "1.1.0", "s3Key": .string(Registry.fixtureKeys[2]), "size": 310,
                        "etag": .string(Registry.fixtureETags[2]), "metadata": [:],
                    ],
                    [
                        "name": "image-tagger", "version": "2.0.0-beta.1", "s3Key": .string(Registry.fixtureKeys[0]), "size": 296,
                        "etag": .string(Registry.fixtureETags[0]), "metadata": [:],
                    ],
                ])
        await Registry.stop(process)
    }

    @Test("A validator that answers 503 is retried, then the registration fails with ValidatorUnavailable and writes nothing")
    func validatorDown() async throws {
        let directory = try Registry.dataDirectory()
        let (process, url) = try await Registry.startValidator(in: directory.deletingLastPathComponent(), ["--status", "503"])
        defer { kill(process.processIdentifier, SIGKILL) }
        let run = try await Registry.run(
            "register-package", directory, Self.request("sentiment-classifier", "1.0.0", ["validate": true, "validatorUrl": .string(url)]))
        // The cause of States.Http.StatusCode.503 is the response (headers, body, status) as JSON.
        let failure = Registry.failure(run)
        #expect(failure.hasPrefix("FAILED: ValidatorUnavailable: The validator service did not answer: States.Http.StatusCode.503: {"), "\(failure)")
        #expect(failure.contains(#""ResponseBody":{"message":"unavailable"},"StatusCode":503,"StatusText":"Service Unavailable""#))
        #expect(try await Registry.rows(directory).isEmpty)
        await Registry.stop(process)
    }

    @Test("Mock config: the validator down (ValidatorDown) and throttled table writes retried (ThrottledWrite)")
    func mockConfig() async throws {
        let directory = try Registry.dataDirectory()
        let mocks = ["--mock-config", Registry.fixtures.appendingPathComponent("mocks/mock-config.json").path]
        let down = try await Registry.run(
            "register-package", directory, Self.request("sentiment-classifier", "1.0.0", ["validate": true]),
            mocks + ["--test-case", "ValidatorDown"])
        #expect(
            Registry.failure(down)
                == #"FAILED: ValidatorUnavailable: The validator service did not answer: States.Http.StatusCode.503: {"message":"unavailable"}"#)
        let throttled = try await Registry.run(
            "register-package", directory, Self.request("sentiment-classifier", "1.0.0"), mocks + ["--test-case", "ThrottledWrite"])
        #expect(throttled.status == 0, "\(throttled.stderr)")
        #expect(try await Registry.rows(directory).count == 1)
    }
}
