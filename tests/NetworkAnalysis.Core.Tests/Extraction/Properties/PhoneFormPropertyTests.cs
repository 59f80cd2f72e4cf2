using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Extraction.Properties;

/// <summary>Any fictional phone written in any mix of the forms seen in real ads (issue #17), with any one separator from a
/// set, comes back as the same E.164 number with a span covering exactly what was written (FsCheck 3, seeded).</summary>
public sealed class PhoneFormPropertyTests
{
    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] Homophones = ["oh", "won", "to", "", "for", "", "", "", "ate", ""];

    // Decorated forms of 0-9 by family; a family without a zero falls back to ⓪.
    private static readonly string[][] Decorated =
    [
        ["⓪", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"],
        ["⓿", "❶", "❷", "❸", "❹", "❺", "❻", "❼", "❽", "❾"],
        ["⓪", "➀", "➁", "➂", "➃", "➄", "➅", "➆", "➇", "➈"],
        ["⓪", "➊", "➋", "➌", "➍", "➎", "➏", "➐", "➑", "➒"],
        ["⓪", "⑴", "⑵", "⑶", "⑷", "⑸", "⑹", "⑺", "⑻", "⑼"],
        ["𝟎", "𝟏", "𝟐", "𝟑", "𝟒", "𝟓", "𝟔", "𝟕", "𝟖", "𝟗"],
        ["𝟶", "𝟷", "𝟸", "𝟹", "𝟺", "𝟻", "𝟼", "𝟽", "𝟾", "𝟿"],
        ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"],
        ["０", "１", "２", "３", "４", "５", "６", "７", "８", "９"],
        ["ⓞ", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        ["⭕", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        ["🅾", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    ];

    private static readonly string[] Separators = ["", " ", "-", ".", " - ", "♡", "☆", "✨", "💋", "🔥", "#", "$", ";", "@", "!", "*", "_", "~", "¥", "¿", "\\_", " . "];

    private static readonly (string National, string Region, string E164Prefix)[] Numbers =
    [
        ("70255501", "US", "+1"), ("31055501", "US", "+1"), ("21255501", "US", "+1"), ("41555501", "US", "+1"), ("07700900", "GB", "+44"),
    ];

    /// <summary>A number written as a sequence of pieces, each standing for one or two of its digits.</summary>
    private static Gen<(string Text, string Written, string E164, string Region)> PhoneGen =>
        from number in Gen.Elements(Numbers)
        from last in Gen.Choose(number.Region == "GB" ? 100 : 0, number.Region == "GB" ? 999 : 99)
        from separator in Gen.Elements(Separators)
        from choices in Gen.Choose(0, 1_000_000).ArrayOf(16)
        select Write(number, last, separator, choices);

    private static (string, string, string, string) Write((string National, string Region, string E164Prefix) number, int last, string separator, int[] choices)
    {
        var digits = number.National + last.ToString(number.Region == "GB" ? "000" : "00", System.Globalization.CultureInfo.InvariantCulture);
        var e164 = number.E164Prefix + (number.Region == "GB" ? digits[1..] : digits);
        var pieces = new List<string>();
        var i = 0;
        while (i < digits.Length)
        {
            var c = choices[pieces.Count % choices.Length] + i;
            var d = digits[i] - '0';
            var next = i + 1 < digits.Length ? digits[i + 1] - '0' : -1;
            var inner = i > 0 && i < digits.Length - 1;
            var form = c % 9;
            if (form == 0 && d >= 2 && next >= 1)
            {
                // "seventy one", "seventy-one", "seventyone"
                pieces.Add(Case(Tens[d] + (c % 3 == 0 ? " " : c % 3 == 1 ? "-" : "") + Units[next], c));
                i += 2;
                continue;
            }

            if (form == 1 && d == 1 && next >= 0)
            {
                pieces.Add(Case(Teens[next], c));
                i += 2;
                continue;
            }

            pieces.Add(form switch
            {
                2 or 3 => Case(Units[d], c),
                // A circled or squared O is the letter O: a zero only between digits, like a written O.
                4 when inner || d != 0 || c % Decorated.Length < 9 => Decorated[c % Decorated.Length][d],
                5 => $"[{digits[i]}]",
                6 => $"{{{(c % 2 == 0 ? Units[d] : digits[i].ToString())}}}",
                7 when inner && Homophones[d].Length > 0 => Case(Homophones[d], c),
                _ => digits[i].ToString(),
            });
            i++;
        }

        var written = string.Join(separator, pieces);
        return ($"call me {written} now xo", written, e164, number.Region);
    }

    private static string Case(string word, int c) => (c % 4) switch
    {
        0 => word,
        1 => word.ToUpperInvariant(),
        2 => char.ToUpperInvariant(word[0]) + word[1..],
        _ => string.Concat(word.Select((ch, k) => k % 2 == 0 ? char.ToUpperInvariant(ch) : ch)),
    };

    [Fact]
    public void Extract_AnyMixOfForms_GivesTheSameE164WithTheWrittenSpan()
    {
        // Given 3,000 seeded numbers, each written digit by digit in a random mix of forms with one random separator
        var extractor = new EntityExtractor();
        var config = Config.QuickThrowOnFailure.WithMaxTest(3_000).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(17), FSharpOption<int>.None)));

        // When each ad is extracted, then exactly one phone: the number's E.164, spanning exactly the written number
        Check.One(config, Prop.ForAll(Arb.From(PhoneGen), sample =>
        {
            var phones = extractor.Extract(sample.Text, sample.Region).Entities.Where(e => e.Type == EntityType.Phone).ToList();
            var ok = phones.Count == 1 && phones[0].Value == sample.E164 && phones[0].Raw == sample.Written;
            return ok.Label($"{sample.Text} -> {string.Join("; ", phones.Select(p => $"{p.Value} [{p.Raw}]"))}, expected {sample.E164} [{sample.Written}]");
        }));
    }
}
