using System.Globalization;
using System.Text;

namespace NetworkAnalysis.Core.Tests.Text;

/// <summary>Derives the character-folding table embedded in Core (Text/CharacterFolding.tsv) from Unicode's own data files.</summary>
/// <remarks>
/// Inputs: UnicodeData.txt (Debian package <c>unicode-data</c>, /usr/share/unicode) and UTS #39 confusables.txt
/// (../shared/testdata/unicode). Rules, first match wins, for every non-ASCII code point:
/// <list type="number">
/// <item>Digit: general category Nd or No and an integer numeric value 0-9 (field 8): the ASCII digit. Covers digits of
/// every script, superscripts, circled, negative circled, dingbat, parenthesised, full-stop and mathematical digits.</item>
/// <item>Compatibility decomposition (a tagged decomposition: font, circle, square, wide, narrow, small, super, sub,
/// compat), applied recursively: when the result is 1-3 printable ASCII characters, that text; "(x)" becomes "x"
/// (parenthesised letters). Covers fullwidth forms, mathematical and letterlike alphabets, circled letters, ligatures.</item>
/// <item>Name: "[NEGATIVE ]CIRCLED|SQUARED LATIN CAPITAL|SMALL LETTER X", "REGIONAL INDICATOR SYMBOL LETTER X" (no
/// decomposition in the data): the letter; "... LARGE CIRCLE" (◯, ⭕): the letter O, which reads as 0 in digit context.
/// Small circles and black circles are left alone: they are bullets and separators.</item>
/// <item>Confusables: a punctuation or symbol (category P* or S*) whose UTS #39 skeleton equals the skeleton of exactly one
/// ASCII punctuation or symbol character, or
/// that is itself one of them: that character ("’" to "'", "“" to '"', "∣" to '|'). Letters and digits of other
/// scripts are not folded (Cyrillic or Greek words stay as written).</item>
/// <item>Ideographic and halfwidth full stop and comma (no ASCII skeleton in the data): '.' and ','.</item>
/// </list>
/// Output: one line per range, tab-separated: first code point, last code point (hex), and the fold of the first; in a
/// range of more than one code point every fold is a single character and each next code point folds to the next character.
/// </remarks>
internal static class CharacterFoldingTableGenerator
{
    public const string RelativeTablePath = "src/NetworkAnalysis.Core/Text/CharacterFolding.tsv";

    private static readonly HashSet<string> CompatTags = ["font", "circle", "square", "wide", "narrow", "small", "super", "sub", "compat"];

    private static readonly (int Cp, string Fold)[] Extras = [(0x3002, "."), (0xFF61, "."), (0x3001, ","), (0xFF64, ",")];

    private sealed record Entry(string Name, string Category, string Decomposition, string Numeric);

    public static string Generate(string unicodeDataPath, string confusablesPath)
    {
        var data = ReadUnicodeData(unicodeDataPath);
        var asciiBySkeleton = new Dictionary<string, List<char>>(StringComparer.Ordinal);
        var skeletons = ReadConfusables(confusablesPath);
        for (var c = (char)0x21; c < 0x7F; c++)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            var skeleton = skeletons.TryGetValue(c, out var s) ? s : c.ToString();
            if (!asciiBySkeleton.TryGetValue(skeleton, out var list))
            {
                asciiBySkeleton[skeleton] = list = [];
            }

            list.Add(c);
        }

        var folds = new SortedDictionary<int, string>();
        foreach (var (cp, entry) in data)
        {
            if (cp < 0x80)
            {
                continue;
            }

            var fold = Digit(entry) ?? Decomposed(data, cp) ?? ByName(entry) ?? Confusable(entry, cp, skeletons, asciiBySkeleton);
            if (fold is not null)
            {
                folds[cp] = fold;
            }
        }

        foreach (var (cp, fold) in Extras)
        {
            folds.TryAdd(cp, fold);
        }

        return Format(folds);
    }

    private static string? Digit(Entry e) =>
        e.Category is "Nd" or "No" && int.TryParse(e.Numeric, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 9
            ? ((char)('0' + v)).ToString()
            : null;

    private static string? Decomposed(Dictionary<int, Entry> data, int cp)
    {
        var e = data[cp];
        if (!e.Decomposition.StartsWith('<'))
        {
            return null;
        }

        var tag = e.Decomposition[1..e.Decomposition.IndexOf('>')];
        if (!CompatTags.Contains(tag))
        {
            return null;
        }

        var sb = new StringBuilder();
        if (!Expand(data, cp, sb, 0))
        {
            return null;
        }

        var s = sb.ToString();
        if (s.Length == 3 && s[0] == '(' && s[2] == ')' && char.IsAsciiLetterOrDigit(s[1]))
        {
            s = s[1].ToString();
        }

        return s.Length is >= 1 and <= 3 && s.All(c => c is > ' ' and < (char)0x7F) ? s : null;
    }

    /// <summary>Full compatibility decomposition; false when a tag outside <see cref="CompatTags"/> is met.</summary>
    private static bool Expand(Dictionary<int, Entry> data, int cp, StringBuilder sb, int depth)
    {
        if (cp < 0x80 || depth > 8 || !data.TryGetValue(cp, out var e) || e.Decomposition.Length == 0)
        {
            sb.Append(char.ConvertFromUtf32(cp));
            return true;
        }

        var d = e.Decomposition;
        if (d.StartsWith('<'))
        {
            var close = d.IndexOf('>');
            if (!CompatTags.Contains(d[1..close]))
            {
                return false;
            }

            d = d[(close + 1)..];
        }

        foreach (var part in d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Expand(data, int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture), sb, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static string? ByName(Entry e)
    {
        if (e.Decomposition.Length > 0)
        {
            return null;
        }

        var name = e.Name;
        if (name.StartsWith("NEGATIVE ", StringComparison.Ordinal))
        {
            name = name["NEGATIVE ".Length..];
        }

        foreach (var prefix in new[] { "CIRCLED LATIN CAPITAL LETTER ", "SQUARED LATIN CAPITAL LETTER ", "REGIONAL INDICATOR SYMBOL LETTER " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length == prefix.Length + 1)
            {
                return name[^1].ToString();
            }
        }

        foreach (var prefix in new[] { "CIRCLED LATIN SMALL LETTER ", "SQUARED LATIN SMALL LETTER " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length == prefix.Length + 1)
            {
                return char.ToLowerInvariant(name[^1]).ToString();
            }
        }

        return e.Category == "So" && name.EndsWith("LARGE CIRCLE", StringComparison.Ordinal) ? "O" : null;
    }

    private static string? Confusable(Entry e, int cp, Dictionary<int, string> skeletons, Dictionary<string, List<char>> asciiBySkeleton)
    {
        if (e.Category[0] is not ('P' or 'S') || !skeletons.TryGetValue(cp, out var skeleton))
        {
            return null;
        }

        if (!asciiBySkeleton.TryGetValue(skeleton, out var ascii))
        {
            return null;
        }

        // Several ASCII characters share a skeleton ('`' and '\'' both look like '\''): the one that is the skeleton wins.
        return ascii.Count == 1 ? ascii[0].ToString() : ascii.Contains(skeleton.Length == 1 ? skeleton[0] : '\0') ? skeleton : null;
    }

    private static Dictionary<int, Entry> ReadUnicodeData(string path)
    {
        var data = new Dictionary<int, Entry>();
        int? rangeStart = null;
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(';');
            if (f.Length < 15)
            {
                continue;
            }

            var cp = int.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (f[1].EndsWith(", First>", StringComparison.Ordinal))
            {
                rangeStart = cp;
                continue;
            }

            if (f[1].EndsWith(", Last>", StringComparison.Ordinal) && rangeStart is not null)
            {
                // Ideograph, Hangul and private-use ranges: nothing in them folds to ASCII.
                rangeStart = null;
                continue;
            }

            data[cp] = new Entry(f[1], f[2], f[5], f[8]);
        }

        return data;
    }

    /// <summary>Source code point to skeleton (as a string) for single-code-point sources.</summary>
    private static Dictionary<int, string> ReadConfusables(string path)
    {
        var map = new Dictionary<int, string>();
        foreach (var raw in File.ReadLines(path))
        {
            var hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(';');
            var source = f[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2 || source.Length != 1)
            {
                continue;
            }

            var target = new StringBuilder();
            foreach (var part in f[1].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                target.Append(char.ConvertFromUtf32(int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }

            map[int.Parse(source[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = target.ToString();
        }

        return map;
    }

    private static string Format(SortedDictionary<int, string> folds)
    {
        var sb = new StringBuilder();
        sb.Append("# Derived from Unicode's UnicodeData.txt and UTS #39 confusables.txt (Unicode License v3) by CharacterFoldingTableGenerator.\n");
        sb.Append("# first code point\tlast code point\tfold of the first (each next code point folds to the next character)\n");
        var items = folds.ToList();
        var i = 0;
        while (i < items.Count)
        {
            var (start, fold) = items[i];
            var j = i;
            while (fold.Length == 1 && j + 1 < items.Count && items[j + 1].Key == items[j].Key + 1 && items[j + 1].Value.Length == 1
                   && items[j + 1].Value[0] == items[j].Value[0] + 1)
            {
                j++;
            }

            sb.Append(start.ToString("X4", CultureInfo.InvariantCulture)).Append('\t')
              .Append(items[j].Key.ToString("X4", CultureInfo.InvariantCulture)).Append('\t')
              .Append(fold).Append('\n');
            i = j + 1;
        }

        return sb.ToString();
    }
}
