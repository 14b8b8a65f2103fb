/// Hashes the raw bytes of an input file as it is read, for the manifest (SHA-256 in the CLI).
/// A protocol so that the stages need not depend on a cryptography package.
public protocol ContentHasher {
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    func hexDigest() -> String
}
