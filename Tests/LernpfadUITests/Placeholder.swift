import Testing

@Test func placeholderLernpfadUITests() { #expect(1 + 1 == 2) }
