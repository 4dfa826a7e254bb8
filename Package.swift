// swift-tools-version:6.0
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "lernpfad",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lernpfad", targets: ["lernpfad"]),
        .executable(name: "lernpfad-lrs", targets: ["lernpfad-lrs"]),
        .library(name: "LernpfadCore", targets: ["LernpfadCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(name: "CProcessControl"),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CMarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "LernpfadCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "LernpfadUI",
            dependencies: ["LernpfadCore", "CMarkGFM"],
            swiftSettings: strictness
        ),
        .target(
            name: "LernpfadTerminal",
            dependencies: ["LernpfadUI", "CNCurses"],
            swiftSettings: strictness
        ),
        .target(
            name: "LernpfadSession",
            dependencies: ["LernpfadCore", "LernpfadUI"],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "lernpfad",
            dependencies: [
                "LernpfadCore", "LernpfadUI", "LernpfadTerminal", "LernpfadSession",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "lernpfad-lrs",
            dependencies: ["CCurl", "CProcessControl"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "LernpfadCoreTests",
            dependencies: ["LernpfadCore"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "LernpfadUITests",
            dependencies: ["LernpfadUI", "LernpfadCore", "LernpfadSession"],
            exclude: ["Snapshots"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["LernpfadCore"],
            swiftSettings: strictness
        ),
    ],
    swiftLanguageModes: [.v6]
)
