using NetworkAnalysis.Core.Text;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Text;

public sealed class CharacterFoldingTableTests
{
    private const string UnicodeDataDefault = "/usr/share/unicode/UnicodeData.txt";

    [SkippableFact]
    public void Table_DerivedAgainFromUnicodeData_MatchesCommittedFile()
    {
        // Given Unicode's data files and the committed derived table
        var unicodeData = Environment.GetEnvironmentVariable("NETAN_UNICODE_DATA") ?? UnicodeDataDefault;
        Prerequisite.Require(File.Exists(unicodeData), $"{unicodeData} (Unicode's UnicodeData.txt)", Prerequisite.Apt("unicode-data") + " or set NETAN_UNICODE_DATA");
        var confusables = TestData.Shared("unicode/confusables.txt");

        var committedPath = Path.Combine(TestData.RepoRoot, CharacterFoldingTableGenerator.RelativeTablePath);

        // When the table is derived again
        var generated = CharacterFoldingTableGenerator.Generate(unicodeData, confusables);
        if (Environment.GetEnvironmentVariable("NETAN_REGENERATE_CHARACTER_FOLDING") == "1")
        {
            File.WriteAllText(committedPath, generated);
        }

        // Then it is byte-identical to the committed one
        File.ReadAllText(committedPath).ShouldBe(generated);
    }

    [Theory]
    [InlineData(0x2466, "7")] // ⑦ circled digit seven
    [InlineData(0x24EA, "0")] // ⓪ circled digit zero
    [InlineData(0x277C, "7")] // ❼ dingbat negative circled digit seven
    [InlineData(0x2790, "7")] // ➐ dingbat circled sans-serif digit seven
    [InlineData(0x247A, "7")] // ⑺ parenthesised digit seven
    [InlineData(0x1D7D5, "7")] // 𝟕 mathematical bold digit seven
    [InlineData(0x1D7FD, "7")] // 𝟽 mathematical monospace digit seven
    [InlineData(0x2077, "7")] // ⁷ superscript seven
    [InlineData(0x0667, "7")] // Arabic-Indic seven
    [InlineData(0x24DE, "o")] // ⓞ circled small o
    [InlineData(0x24C4, "O")] // Ⓞ circled capital O
    [InlineData(0x2B55, "O")] // ⭕ heavy large circle
    [InlineData(0x1F17E, "O")] // 🅾 negative squared O
    [InlineData(0x1F150, "A")] // 🅐 negative circled A
    [InlineData(0x1F1E6, "A")] // regional indicator A
    [InlineData(0xFF41, "a")] // fullwidth a
    [InlineData(0x1D41A, "a")] // 𝐚
    [InlineData(0x249C, "a")] // ⒜
    [InlineData(0xFB01, "fi")] // ﬁ
    [InlineData(0x2019, "'")] // ’
    [InlineData(0x201C, "\"")] // “
    [InlineData(0x3002, ".")] // 。
    [InlineData(0xFE6B, "@")] // small commercial at
    public void Fold_DecoratedCharacters_GiveTheirAsciiForm(int cp, string expected)
    {
        // Given a decorated or compatibility character
        // When it is looked up in the embedded table
        var fold = CharacterFolding.Fold(cp);

        // Then it folds to its plain ASCII form
        fold.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0x25CF)] // ● black circle: a bullet, not a zero
    [InlineData(0x25CB)] // ○ white circle: a bullet
    [InlineData(0x043E)] // Cyrillic о stays Cyrillic
    [InlineData(0x2661)] // ♡
    [InlineData(0x00BD)] // ½
    public void Fold_LettersOfOtherScriptsAndSeparators_AreNotFolded(int cp)
    {
        // Given a character that is a word letter of another script, a bullet or a non-digit number
        // When it is looked up
        // Then it has no fold
        CharacterFolding.Fold(cp).ShouldBeNull();
    }
}
