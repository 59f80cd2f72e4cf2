using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed class PhraseMatcherTests
{
    private static List<PhraseHit> Match(string text, params string[][] lists)
    {
        var matcher = new PhraseMatcher(lists);
        var hits = new List<PhraseHit>();
        matcher.Match(text, hits, []);
        return hits;
    }

    [Fact]
    public void Match_MultiWordPhraseAnyCase_ReturnsSpan()
    {
        // Given a text with "NEW in Town"
        const string text = "Hi! NEW in Town tonight";

        // When matched against "new in town"
        var hits = Match(text, ["new in town"]);

        // Then the hit covers exactly the phrase
        hits.Count.ShouldBe(1);
        text[hits[0].Start..hits[0].End].ShouldBe("NEW in Town");
    }

    [Fact]
    public void Match_WordInsideLongerWord_DoesNotMatch()
    {
        // Given words that only contain the list word
        // When matched
        var hits = Match("younger youngster teenager", ["young", "teen"]);

        // Then nothing matches: whole words only
        hits.ShouldBeEmpty();
    }

    [Fact]
    public void Match_OverlappingListsAndLongestPhrase_ReportsOneHitPerListAndStart()
    {
        // Given two lists, one with a phrase and its prefix
        const string text = "my girls are new";

        // When matched
        var hits = Match(text, ["my girl", "my girls"], ["girls"]);

        // Then list 0 reports the longest phrase once and list 1 its own word
        hits.Where(h => h.List == 0).Select(h => text[h.Start..h.End]).ShouldBe(["my girls"]);
        hits.Where(h => h.List == 1).Select(h => text[h.Start..h.End]).ShouldBe(["girls"]);
    }

    [Fact]
    public void Match_ApostropheAndPhraseAtEnd_Matches()
    {
        // Given a contraction at the very end of the text
        const string text = "call now, she's new";

        // When matched
        var hits = Match(text, ["she's new"]);

        // Then it is found
        hits.Select(h => text[h.Start..h.End]).ShouldBe(["she's new"]);
    }

    [Fact]
    public void Match_ArbitraryText_NeverThrowsAndSpansStayInText()
    {
        // Given arbitrary (hostile) strings
        var matcher = new PhraseMatcher([["new in town", "young"], ["a"]]);

        // When matched, Then spans are always inside the text and start at word starts
        FsCheck.Fluent.Prop.ForAll<string>(s =>
        {
            var text = s ?? "";
            var hits = new List<PhraseHit>();
            matcher.Match(text, hits, []);
            return hits.TrueForAll(h => h.Start >= 0 && h.End <= text.Length && h.Start < h.End);
        }).QuickCheckThrowOnFailure();
    }
}
