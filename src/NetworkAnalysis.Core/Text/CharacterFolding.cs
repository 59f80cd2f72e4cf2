using System.Collections.Frozen;
using System.Globalization;

namespace NetworkAnalysis.Core.Text;

/// <summary>Plain ASCII forms of decorated digits, letters and punctuation, from the embedded table derived from Unicode's data.</summary>
/// <remarks>
/// The table (<c>Text/CharacterFolding.tsv</c>) is generated from UnicodeData.txt and UTS #39 confusables.txt by the
/// tests' <c>CharacterFoldingTableGenerator</c> and checked against them by <c>CharacterFoldingTableTests</c>: every
/// digit of every script and every decorated digit (circled, negative circled, dingbat, parenthesised, superscript,
/// mathematical) to its ASCII digit; compatibility forms (fullwidth, mathematical and letterlike alphabets, circled and
/// squared letters, regional indicators, ligatures) to ASCII letters; large circles (◯, ⭕) to O; look-alike punctuation
/// to ASCII punctuation. Letters of other scripts are not folded. Loaded once; thread-safe.
/// </remarks>
internal static class CharacterFolding
{
    private const string ResourceName = "NetworkAnalysis.Core.CharacterFolding.tsv";
    private static readonly FrozenDictionary<int, string> Table = Load();

    /// <summary>The ASCII text <paramref name="cp"/> folds to, or null when it has none.</summary>
    public static string? Fold(int cp) => Table.TryGetValue(cp, out var s) ? s : null;

    /// <summary>Number of code points with a fold (tests).</summary>
    internal static int Count => Table.Count;

    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(CharacterFolding).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Embedded resource missing: " + ResourceName);
        using var reader = new StreamReader(stream);
        var ascii = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();
        var map = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            var first = int.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = int.Parse(f[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var fold = f[2];
            for (var cp = first; cp <= last; cp++)
            {
                map[cp] = fold.Length == 1 ? ascii[fold[0] + (cp - first)] : fold;
            }
        }

        return map.ToFrozenDictionary();
    }
}
