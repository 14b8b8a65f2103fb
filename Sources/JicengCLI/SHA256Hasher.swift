import Crypto
import JicengAggregate
import JicengRun

/// SHA-256 of an input file for the manifest, through swift-crypto (BoringSSL, SHA-NI where the
/// CPU has it, so hashing keeps up with parsing).
struct SHA256Hasher: ContentHasher {
    private var hash = SHA256()

    mutating func update(_ bytes: UnsafeRawBufferPointer) { hash.update(bufferPointer: bytes) }

    func hexDigest() -> String {
        hash.finalize().map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
