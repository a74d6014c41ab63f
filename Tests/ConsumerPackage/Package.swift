// swift-tools-version:6.0
// A package that depends on ChorusSDK alone. CI builds it with the libcurl headers hidden, to prove that
// users of the core library never need libcurl (only the ChorusSDKCurl product does).
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ChorusSDK", path: "../..")],
    targets: [
        .executableTarget(name: "Consumer", dependencies: [.product(name: "ChorusSDK", package: "ChorusSDK")]),
    ],
    swiftLanguageModes: [.v6]
)
