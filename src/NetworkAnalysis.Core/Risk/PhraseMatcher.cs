namespace NetworkAnalysis.Core.Risk;

/// <summary>A hit of a word-list phrase in a text.</summary>
/// <param name="List">Index of the word list the phrase belongs to.</param>
/// <param name="Start">Start offset, inclusive.</param>
/// <param name="End">End offset, exclusive.</param>
internal readonly record struct PhraseHit(int List, int Start, int End);

/// <summary>Finds whole-word, case-insensitive phrases from several word lists in one linear pass.</summary>
/// <remarks>
/// Hand-written scanner (no regex): the text is split into word tokens once; each token is looked up in a
/// dictionary of phrases by first word, then the following tokens are compared. Cost is linear in the text
/// length times the (small) number of phrases sharing a first word. Thread-safe after construction.
/// </remarks>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<string, List<(string[] Tail, int List)>> _byFirst;
    private readonly Dictionary<string, List<(string[] Tail, int List)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Filter in front of the dictionary: bit (hash mod 2^16) is set for every first word. Most tokens of an ad are
    // no phrase's first word and are rejected by one cheap hash instead of a case-insensitive dictionary lookup.
    private readonly ulong[] _firstWordFilter = new ulong[FilterBits / 64];
    private const int FilterBits = 1 << 16;

    public PhraseMatcher(IReadOnlyList<IReadOnlyList<string>> lists)
    {
        _byFirst = new Dictionary<string, List<(string[], int)>>(StringComparer.OrdinalIgnoreCase);
        for (var list = 0; list < lists.Count; list++)
        {
            foreach (var phrase in lists[list])
            {
                var words = Tokenize(phrase).Select(t => phrase[t.Start..t.End]).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                if (!_byFirst.TryGetValue(words[0], out var entries))
                {
                    _byFirst[words[0]] = entries = [];
                }

                entries.Add((words[1..], list));
            }
        }

        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var first in _byFirst.Keys)
        {
            var h = FoldedHash(first) & (FilterBits - 1);
            _firstWordFilter[h >> 6] |= 1UL << (int)(h & 63);
        }
    }

    /// <summary>FNV-1a over the upper-invariant chars: equal for strings equal under OrdinalIgnoreCase.</summary>
    private static uint FoldedHash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            var u = c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
            hash = (hash ^ u) * 16777619u;
        }

        return hash;
    }

    /// <summary>Whether the matcher has any phrase at all.</summary>
    public bool IsEmpty => _byFirst.Count == 0;

    /// <summary>Appends every hit in <paramref name="text"/> to <paramref name="hits"/>, in text order.</summary>
    /// <remarks>Each (list, start) pair is reported once, with its longest phrase.</remarks>
    public void Match(string text, List<PhraseHit> hits, List<(int Start, int End)> tokenBuffer)
    {
        if (IsEmpty || text.Length == 0)
        {
            return;
        }

        tokenBuffer.Clear();
        Tokenize(text, tokenBuffer);
        var span = text.AsSpan();
        for (var i = 0; i < tokenBuffer.Count; i++)
        {
            var (start, end) = tokenBuffer[i];
            var bucket = FoldedHash(span[start..end]) & (FilterBits - 1);
            if ((_firstWordFilter[bucket >> 6] & (1UL << (int)(bucket & 63))) == 0 || !_lookup.TryGetValue(span[start..end], out var entries))
            {
                continue;
            }

            var firstHit = hits.Count;
            foreach (var (rest, list) in entries)
            {
                if (i + rest.Length >= tokenBuffer.Count)
                {
                    continue;
                }

                var ok = true;
                for (var k = 0; k < rest.Length && ok; k++)
                {
                    var (s, e) = tokenBuffer[i + 1 + k];
                    ok = span[s..e].Equals(rest[k], StringComparison.OrdinalIgnoreCase);
                }

                if (!ok)
                {
                    continue;
                }

                var hitEnd = rest.Length == 0 ? end : tokenBuffer[i + rest.Length].End;
                var existing = -1;
                for (var h = firstHit; h < hits.Count; h++)
                {
                    if (hits[h].List == list)
                    {
                        existing = h;
                    }
                }

                if (existing < 0)
                {
                    hits.Add(new PhraseHit(list, start, hitEnd));
                }
                else if (hits[existing].End < hitEnd)
                {
                    hits[existing] = new PhraseHit(list, start, hitEnd);
                }
            }
        }
    }

    /// <summary>Splits text into word tokens: runs of letters and digits, with inner apostrophes.</summary>
    internal static List<(int Start, int End)> Tokenize(string text)
    {
        var tokens = new List<(int, int)>();
        Tokenize(text, tokens);
        return tokens;
    }

    private static void Tokenize(string text, List<(int Start, int End)> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i])
                || (IsApostrophe(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start)))
            {
                i++;
            }

            tokens.Add((start, i));
        }
    }

    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';
}
