using System.Text;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Extraction.Corpus;

/// <summary>A labelled gold entity in a corpus ad.</summary>
public sealed record GoldMention(EntityType Type, string Value, int Start, int End);

/// <summary>One labelled ad of the hard-case corpus.</summary>
public sealed record CorpusCase(string Country, string Text, IReadOnlyList<GoldMention> Gold, string Source)
{
    public bool IsNegative => Gold.Count == 0;

    /// <summary>Parses one corpus line (see README.md); null for comments and blank lines.</summary>
    public static CorpusCase? Parse(string line, string source)
    {
        if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
        {
            return null;
        }

        var country = "US";
        if (line.StartsWith('@') && line.Length > 4 && line[3] == ' ')
        {
            country = line[1..3];
            line = line[4..];
        }

        line = line.Replace("\\n", "\n", StringComparison.Ordinal);
        var text = new StringBuilder();
        var gold = new List<GoldMention>();
        var i = 0;
        while (i < line.Length)
        {
            var open = line.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(line, i, line.Length - i);
                break;
            }

            text.Append(line, i, open - i);
            var close = line.IndexOf("}}", open, StringComparison.Ordinal);
            var bar = line.LastIndexOf('|', close);
            var label = line[(open + 2)..bar];
            var raw = line[(bar + 1)..close];
            var start = text.Length;
            text.Append(raw);
            foreach (var (type, value) in ParseLabel(label))
            {
                gold.Add(new GoldMention(type, value, start, start + raw.Length));
            }

            i = close + 2;
        }

        return new CorpusCase(country, text.ToString(), gold, source);
    }

    /// <summary>"zelle,phone:+1702..." or "zelle:a@b,email:a@b" into (type, value) pairs.</summary>
    private static IEnumerable<(EntityType, string)> ParseLabel(string label)
    {
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        var types = label[..colon];
        var rest = label[(colon + 1)..];
        if (rest.Contains(',', StringComparison.Ordinal) && rest.Contains(':', StringComparison.Ordinal))
        {
            // Several "type:value" pairs.
            var first = rest.Split(',', 2);
            yield return (Type(types), first[0]);
            foreach (var pair in ParseLabel(first[1]))
            {
                yield return pair;
            }

            yield break;
        }

        foreach (var t in types.Split(','))
        {
            yield return (Type(t), rest);
        }
    }

    private static EntityType Type(string name) =>
        EntityTypeNames.TryParse(name, out var t) ? t : throw new FormatException("Unknown entity type in corpus: " + name);
}
