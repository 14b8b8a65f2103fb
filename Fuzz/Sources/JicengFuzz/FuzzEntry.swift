// Placeholder: the fuzz entry point is written by the fuzzing work (issue 6).
@main struct FuzzPlaceholder { static func main() {} }
