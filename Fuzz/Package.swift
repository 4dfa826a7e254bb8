// swift-tools-version:6.0
// libFuzzer targets for LernpfadCore. A package of its own so that the root package's build and tests never
// see the fuzzer flags. Build and run with scripts/fuzz; docs/fuzzing.md explains the targets.
import PackageDescription

let package = Package(
    name: "lernpfad-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "lernpfad", path: "..")
    ],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "FuzzLearnerFile",
            dependencies: ["CLibFuzzer", .product(name: "LernpfadCore", package: "lernpfad")]
        ),
        .executableTarget(
            name: "FuzzContentLoader",
            dependencies: ["CLibFuzzer", .product(name: "LernpfadCore", package: "lernpfad")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
