// swift-tools-version:6.0
// ChorusSDK — a Swift SDK for Chorus Pro (the French State's e-invoicing platform) through PISTE.
// The core library depends on Foundation only. See README.md.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ChorusSDK",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .library(name: "ChorusSDK", targets: ["ChorusSDK"]),
    ],
    targets: [
        .target(name: "ChorusSDK", swiftSettings: strictSettings),
        .testTarget(
            name: "ChorusSDKTests",
            dependencies: ["ChorusSDK"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
