import Foundation
import Testing

/// The text the plugin builds in is the file, byte for byte, whatever the file holds.
struct EmbeddedBytesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(
        "each fixture is built in byte for byte",
        arguments: [
            ("delimiters.txt", Fixtures.delimiters), ("line-endings.txt", Fixtures.lineEndings),
            ("controls.txt", Fixtures.controls), ("no-final-newline.txt", Fixtures.noFinalNewline),
            ("empty.txt", Fixtures.empty), ("blank-lines.txt", Fixtures.blankLines),
        ])
    func byteForByte(file: String, embedded: String) throws {
        let bytes = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
        #expect(Data(embedded.utf8) == bytes, "\(file)")
    }
}
