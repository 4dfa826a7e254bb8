import Testing

@Test func placeholderLernpfadCoreTests() { #expect(1 + 1 == 2) }
