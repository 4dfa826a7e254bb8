import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

/// First start: language first, four counted steps, a way back and out on each, role descriptions, the course's
/// length from its content, the learner id at the end, and "new learner" in the picker.
@Suite("Onboarding")
struct OnboardingTests {
    static func start(
        _ language: LanguageCode? = .german, id: String = "anna", fixed: Bool = false, width: Int = 80,
        height: Int = 24
    ) -> AppRunner {
        UIFixture.runner(
            AppModel(
                catalog: UIFixture.catalog, newLearnerID: id, learnerIDIsFixed: fixed, language: language,
                width: width, height: height, now: UIFixture.now))
    }

    static func onboarding(_ runner: AppRunner) throws -> OnboardingScreen {
        try #require(runner.model.screen as? OnboardingScreen, "not on onboarding")
    }

    /// The keys from the first step to the summary: German, a name and team, the staff role.
    static let toSummary = "<enter>Anna Müller<enter>Vertrieb<enter> <enter>"

    @Test func theLanguageComesFirstPreselectedAsAsked() throws {
        let german = Self.start(.german).render().plainText
        #expect(german.contains("Schritt 1/4 · Sprache"))
        #expect(german.contains("› Deutsch"))
        let english = Self.start(.english).render().plainText
        #expect(english.contains("Step 1/4 · Language"))
        #expect(english.contains("› English"))
        #expect(!english.contains("Sprache"), "an English start shows no German")
        // Moving the choice switches the interface at once.
        let switched = UIFixture.run("j", on: Self.start(.german))
        #expect(switched.model.language == .english)
        #expect(switched.render().plainText.contains("Step 1/4 · Language"))
    }

    @Test func everyStepIsCountedAndSaysHowToGoBackAndQuit() throws {
        let steps: [(keys: String, step: String, way: Phrase)] = [
            ("", "Schritt 1/4 · Sprache", .onboardingWayOutFirst),
            ("<enter>", "Schritt 2/4 · Name und Team", .onboardingWayOutTyping),
            ("<enter>Anna<enter>", "Schritt 2/4 · Name und Team", .onboardingWayOutTyping),
            ("<enter>Anna<enter><enter>", "Schritt 3/4 · Rollen", .onboardingWayOut),
            (Self.toSummary, "Schritt 4/4 · Überblick", .onboardingWayOutTyping),
        ]
        for (keys, step, way) in steps {
            let screen = UIFixture.run(keys, on: Self.start()).render().plainText
            #expect(screen.contains(step), "\(keys): \(screen)")
            #expect(screen.contains(Localizer(.german)(way)), "\(keys): \(screen)")
        }
    }

    @Test func anEmptyNameGetsAnErrorThatGoesOnceTheLearnerTypes() throws {
        let empty = UIFixture.run("<enter>   <enter>", on: Self.start())
        #expect(try Self.onboarding(empty).problem == .nameEmpty)
        #expect(try Self.onboarding(empty).field == .name, "stays on the name")
        #expect(empty.render().plainText.contains("✗ Der Name fehlt"))
        let typed = UIFixture.run("A", on: empty)
        #expect(!typed.render().plainText.contains("✗"))
    }

    @Test func escGoesBackOneStepAndKeepsWhatWasEntered() throws {
        let summary = UIFixture.run(Self.toSummary, on: Self.start())
        #expect(try Self.onboarding(summary).step == .confirm)
        let roles = UIFixture.run("<esc>", on: summary)
        #expect(try Self.onboarding(roles).step == .roles)
        #expect(try Self.onboarding(roles).roles == ["staff"])
        let team = UIFixture.run("<esc>", on: roles)
        #expect(try Self.onboarding(team).field == .team)
        #expect(team.render().plainText.contains("Vertrieb▏"))
        let name = UIFixture.run("<esc>", on: team)
        #expect(try Self.onboarding(name).field == .name)
        #expect(name.render().plainText.contains("Anna Müller▏"))
        let language = UIFixture.run("<esc>", on: name)
        #expect(try Self.onboarding(language).step == .language)
        // Forward again: everything is still there.
        let again = UIFixture.run("<enter><enter><enter><enter>", on: language)
        let screen = try Self.onboarding(again)
        #expect(screen.step == .confirm && screen.name == "Anna Müller" && screen.team == "Vertrieb")
        // On a choice step ⌫ goes back too; in a text field it only deletes.
        #expect(try Self.onboarding(UIFixture.run("<bs>", on: roles)).field == .team)
        let deleted = try Self.onboarding(UIFixture.run("<bs>", on: team))
        #expect(deleted.field == .team && deleted.team == "Vertrie")
    }

    @Test func eachRoleSaysWhatItsPathCoversAndHowLongItTakes() throws {
        let screen = UIFixture.run("<enter>Anna<enter><enter>", on: Self.start()).render().lines
        let text = screen.joined(separator: "\n")
        #expect(text.contains("[ ] Mitarbeitende  2 Module · etwa 35 Min."))
        #expect(text.contains("[ ] KI-Botschafter:in  1 Modul · etwa 20 Min."))
        // The fixture's paths have no summary: their modules' titles say what they cover.
        #expect(text.contains("    KI-Grundlagen, Der AI Act"))
        // With a summary, that is the description.
        let base = UIFixture.catalog
        var paths = base.paths
        paths[0].summary = UIFixture.text("Die Basis für alle.", "The base for everyone.")
        let catalog = Catalog(course: base.course, paths: paths, modules: base.modules, root: base.root)
        let described = UIFixture.run(
            "<enter>Anna<enter><enter>",
            on: UIFixture.runner(
                AppModel(
                    catalog: catalog, newLearnerID: "anna", language: .german, width: 80, height: 24,
                    now: UIFixture.now), catalog: catalog))
        #expect(described.render().plainText.contains("    Die Basis für alle."))
    }

    @Test func theCourseSaysWhatItIsAndHowLongItTakesFromTheModulesMinutes() {
        let text = Localizer(.german)
        #expect(CourseTime.minutes(of: ["staff"], in: UIFixture.catalog) == 35)
        #expect(CourseTime.minutes(of: ["staff", "ambassador"], in: UIFixture.catalog) == 35, "a module counts once")
        #expect(CourseTime.format(35, text) == "35 Min.")
        #expect(CourseTime.format(120, text) == "2 Std.")
        #expect(CourseTime.format(100, Localizer(.english)) == "1 h 40 min")
        #expect(CourseTime.format(152, text) == "2 Std. 30 Min.", "estimates are rounded to five minutes")
        #expect(CourseTime.format(2, text) == "5 Min.")
        #expect(
            CourseTime.introduction(UIFixture.catalog, text) == [
                "KI-Kompetenz: ein Kurs in Modulen, mit einem Lernpfad je Rolle.",
                "Je nach Rolle dauert er etwa 20 Min. bis 35 Min.; Sie können jederzeit unterbrechen und später"
                    + " weitermachen.",
            ])
        let first = Self.start().render().plainText
        #expect(first.contains("Je nach Rolle dauert er etwa 20 Min. bis 35 Min."))
        // The shipped course states its own summary and the minutes of its modules.
        let shipped = ExplorerCourse.catalog(ExplorerCourse.shippedFolder)
        let sentences = CourseTime.introduction(shipped, text)
        #expect(sentences.count == 2)
        #expect(sentences[0] == shipped.course.summary?.text(in: .german))
        let staff = shipped.path("staff")!.modules.compactMap { shipped.module($0)?.minutes }.reduce(0, +)
        #expect(CourseTime.minutes(of: ["staff"], in: shipped) == staff)
    }

    @Test func theLearnerIDIsShownAtTheEndAndCanBeChanged() throws {
        let summary = UIFixture.run(Self.toSummary, on: Self.start())
        let screen = summary.render().plainText
        #expect(screen.contains("Ihre Kennung (der Name Ihrer Lerndatei):"))
        #expect(screen.contains("  anna▏"))
        #expect(screen.contains("Name     Anna Müller"))
        #expect(screen.contains("Rollen   Mitarbeitende"))
        #expect(screen.contains("Ihr Lernpfad: 2 Module · etwa 35 Min."))
        var model = summary.model
        var commands: [AppCommand] = []
        for key in try Key.parseSequence("<bs><bs><bs><bs>Anna.M<enter>").get() {
            commands += model.update(AppEvent(.key(key), now: UIFixture.now, seed: 1))
        }
        let profile = LearnerProfile(
            id: "anna.m", name: "Anna Müller", team: "Vertrieb", roles: ["staff"], language: .german)
        #expect(commands == [.createLearner(profile)], "upper case is lowered; the typed id is the file's")
        let done = UIFixture.run("<bs><bs><bs><bs>Anna.M<enter>", on: summary)
        #expect(done.model.record?.learner.id == "anna.m")
        #expect(done.model.screen is HomeScreen)
    }

    @Test func aLearnerIDThatCannotBeAFileNameGetsAnError() throws {
        let summary = UIFixture.run(Self.toSummary, on: Self.start())
        let space = UIFixture.run(" ", on: summary)
        #expect(try Self.onboarding(space).problem == .idCharacter(" "))
        #expect(space.render().plainText.contains("✗ „ “ geht nicht in einer Kennung"))
        let empty = UIFixture.run("<bs><bs><bs><bs><enter>", on: summary)
        #expect(try Self.onboarding(empty).problem == .idEmpty)
        #expect(empty.model.record == nil)
        let dot = UIFixture.run("<bs><bs><bs><bs>.x<enter>", on: summary)
        #expect(try Self.onboarding(dot).problem == .idInvalid)
    }

    @Test func aGivenLearnerIDIsShownButNotEditable() throws {
        let summary = UIFixture.run(Self.toSummary, on: Self.start(id: "kurs-7", fixed: true))
        #expect(!summary.model.screen.takesText, "no text field: q quits")
        #expect(summary.render().plainText.contains("Kennung  kurs-7"))
        let done = UIFixture.run("<enter>", on: summary)
        #expect(done.model.record?.learner.id == "kurs-7")
    }

    @Test func withoutALoginNameTheIDIsSuggestedFromTheName() {
        let summary = UIFixture.run(Self.toSummary, on: Self.start(id: ""))
        #expect(summary.render().plainText.contains("  anna.muller▏"))
        #expect(
            OnboardingScreen.suggestedID(from: "Ölaf  Müller-Lüdenscheidt", taken: []) == "olaf.muller.ludenscheidt")
        #expect(OnboardingScreen.suggestedID(from: "Anna", taken: ["anna", "anna-2"]) == "anna-3")
        #expect(OnboardingScreen.suggestedID(from: "李", taken: []) == "learner")
    }

    @Test func aClickTicksTheRoleDrawnInThatRow() throws {
        let roles = UIFixture.run("<enter>Anna<enter><enter>", on: Self.start())
        let lines = roles.render().lines
        let row = try #require(lines.firstIndex { $0.contains("KI-Botschafter:in") })
        let clicked = UIFixture.run("<click:\(row),6>", on: roles)
        #expect(try Self.onboarding(clicked).roles == ["ambassador"])
        // The description row below a role belongs to it too.
        let below = UIFixture.run("<click:\(row + 1),10>", on: clicked)
        #expect(try Self.onboarding(below).roles.isEmpty)
    }

    @Test func nothingIsCreatedBeforeTheLastStep() throws {
        var model = Self.start().model
        let keys = try Key.parseSequence(Self.toSummary + "<esc><esc><esc><esc><esc>" + Self.toSummary).get()
        for key in keys {
            let commands = model.update(AppEvent(.key(key), now: UIFixture.now, seed: 1))
            #expect(!commands.contains { if case .createLearner = $0 { true } else { false } })
        }
        #expect(model.record == nil)
        // Quitting from any step leaves nothing behind but the end of the program.
        for prefix in ["", "<enter>", "<enter>Anna<enter><enter>", Self.toSummary] {
            var quitting = UIFixture.run(prefix, on: Self.start()).model
            let commands = quitting.update(AppEvent(.key(.control("c")), now: UIFixture.now, seed: 1))
            #expect(commands == [.quit], "\(prefix)")
        }
    }

    @Test func everyStepFitsTheSmallestWindow() throws {
        for keys in ["", "<enter>", "<enter>Anna<enter><enter>", Self.toSummary, "<enter><enter>"] {
            let lines = UIFixture.run(keys, on: Self.start(width: 40, height: 12)).render().lines
            #expect(lines.count == 12 && lines.allSatisfy { DisplayWidth.of($0) == 40 })
            let text = lines.joined(separator: "\n")
            #expect(text.contains("Schritt "), "\(keys):\n\(text)")
        }
        let roles = UIFixture.run("<enter>Anna<enter><enter>", on: Self.start(width: 40, height: 12))
        let text = roles.render().plainText
        #expect(text.contains("Mitarbeitende") && text.contains("KI-Botschafter:in"), "\(text)")
        let summary = UIFixture.run(Self.toSummary, on: Self.start(width: 40, height: 12)).render().plainText
        #expect(summary.contains("anna▏") && summary.contains("Los geht's"), "\(summary)")
    }

    @Test func thePickerOffersANewLearnerWhoseOnboardingReturnsToIt() throws {
        let learners = UIFixture.teamRecords.map(\.learner)
        let picker = UIFixture.runner(
            AppModel(
                catalog: UIFixture.catalog, learners: learners, newLearnerID: "ben", language: .german, width: 80,
                height: 24, now: UIFixture.now))
        #expect(picker.render().plainText.contains("+ Neue lernende Person"))
        let new = UIFixture.run("G<enter>", on: picker)
        let onboarding = try Self.onboarding(new)
        #expect(onboarding.returnsToPicker)
        #expect(onboarding.learnerID.isEmpty, "ben is taken: no id offered")
        #expect(new.render().plainText.contains("Esc"))
        let back = UIFixture.run("<esc>", on: new)
        #expect(back.model.screen is PickerScreen)
        // A name whose id is taken gets the next free one.
        let summary = UIFixture.run("G<enter><enter>Anna<enter><enter> <enter>", on: picker)
        #expect(try Self.onboarding(summary).learnerID == "anna-2")
        let taken = UIFixture.run("<bs><bs><enter>", on: summary)
        #expect(try Self.onboarding(taken).problem == .idTaken("anna"))
        let done = UIFixture.run("<enter>", on: summary)
        #expect(done.model.record?.learner.id == "anna-2")
        #expect(done.model.screen is HomeScreen && done.model.stack.count == 1)
    }
}
