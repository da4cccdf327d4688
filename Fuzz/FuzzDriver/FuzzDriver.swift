#if FUZZING
    /// libFuzzer's entry point (compiler-rt's `-sanitize=fuzzer`): runs `callback` on each generated input.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runLibFuzzer(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// Runs a fuzz target: hands every input libFuzzer generates to `body`, which must return (a crash, a trap or a
/// sanitizer report is a finding). Built only by `Fuzz/run.sh` (`-DFUZZING` and `-sanitize=fuzzer,address`); in
/// an ordinary build the executable says so and exits 2.
package enum FuzzDriver {
    /// The body of the running target. Invariant: written once, before libFuzzer starts calling back, and only
    /// read afterwards, from libFuzzer's single fuzzing thread.
    nonisolated(unsafe) private static var body: ((UnsafeRawBufferPointer) -> Void)?

    package static func run(_ name: String, _ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        #if FUZZING
            Self.body = body
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            let status = runLibFuzzer(&argc, &argv) { data, size in
                FuzzDriver.body?(UnsafeRawBufferPointer(start: data, count: size))
                return 0
            }
            exit(status)
        #else
            _ = body
            print("\(name) is a libFuzzer target: build and run it with Fuzz/run.sh (docs/fuzzing.md)")
            exit(2)
        #endif
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
