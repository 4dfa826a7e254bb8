import Foundation
import Testing

@testable import LernpfadCore

/// course.yaml's optional `notice`: loaded, checked for every language, shown by `catalog`.
@Suite("Course notice")
struct CourseNoticeTests {
    private let folder = TemporaryFolder()

    private func load(notice: String?) -> ContentLoadResult {
        ContentFixture.write(into: folder)
        if let notice { folder.write("course.yaml", ContentFixture.course + notice) }
        return ContentFixture.load(folder)
    }

    @Test func theNoticeLoadsInEveryLanguage() throws {
        let result = load(notice: "notice: {de: Keine Rechtsberatung., en: Not legal advice.}\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let notice = try #require(result.catalog.course.notice)
        #expect(notice.text(in: .german) == "Keine Rechtsberatung.")
        #expect(notice.text(in: .english) == "Not legal advice.")
        let report = CatalogReport(catalog: result.catalog)
        #expect(report.notice == "Keine Rechtsberatung.")
        #expect(report.text.split(separator: "\n").prefix(2).last == "note: Keine Rechtsberatung.")
    }

    @Test func withoutANoticeNothingIsShown() {
        let result = load(notice: nil)
        #expect(result.catalog.course.notice == nil)
        #expect(!CatalogReport(catalog: result.catalog).text.contains("note:"))
    }

    @Test func aNoticeMissingALanguageIsAnError() throws {
        let result = load(notice: "notice: {de: Keine Rechtsberatung.}\n")
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("'notice' is missing language") })
        #expect(diagnostic.file == "course.yaml")
        #expect(diagnostic.line == 5)
        #expect(diagnostic.severity == .error)
    }

    @Test func theShippedCourseSaysItIsTrainingNotLegalAdvice() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        let result = ContentLoader(root: content, today: ContentFixture.today).load()
        let notice = try #require(result.catalog.course.notice)
        #expect(notice.text(in: .german).contains("keine Rechtsberatung"))
        #expect(notice.text(in: .english).contains("not legal advice"))
        for language in [LanguageCode.german, .english] {
            let sentences = notice.text(in: language).split(separator: ".").filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
            #expect(sentences.count == 2, "\(language): \(sentences)")
        }
    }
}
