using System.Globalization;

namespace NetworkAnalysis.Core.Text;

/// <summary>Reads digits in every written form from normalised text: ASCII digits, spelled digits in English
/// and Spanish ("five", "cinco", "oh"), mixed forms ("7o2-5five5") and letters for digits in digit context.</summary>
/// <remarks>
/// Tokens touching each other form a group; groups separated by at most <see cref="MaxGap"/> separator
/// characters (space, dot, hyphen, tilde, asterisk, brackets, slash, underscore, bar, comma) or the words
/// "dot"/"dash" form a run; separators are spaces, punctuation and symbols, emoji included ("702♡555☆0143"). A group made only of substitute letters ("O", "l", "I") is not digits: it ends
/// the run. Reuse one instance per thread; it holds buffers only.
/// </remarks>
internal sealed partial class DigitRunScanner
{
    /// <summary>Most separator characters allowed between two groups of one run.</summary>
    public const int MaxGap = 3;

    private const int MaxLetterRun = 64;

    private readonly List<DigitToken> _pendingTokens = new(32);
    private readonly List<DigitGroup> _pendingGroups = new(8);

    /// <summary>All tokens of the last scan.</summary>
    public List<DigitToken> Tokens { get; } = new(64);

    /// <summary>All groups of the last scan.</summary>
    public List<DigitGroup> Groups { get; } = new(32);

    /// <summary>All runs of the last scan.</summary>
    public List<DigitRun> Runs { get; } = new(16);

    /// <summary>Scans <paramref name="text"/> (normalised) and fills <see cref="Tokens"/>, <see cref="Groups"/> and <see cref="Runs"/>.</summary>
    public void Scan(string text)
    {
        Tokens.Clear();
        Groups.Clear();
        Runs.Clear();
        _pendingTokens.Clear();
        _pendingGroups.Clear();
        var state = new RunState { PlusStart = -1 };
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                AddToken(text, ref state, new DigitToken(i, i + 1, c, DigitTokenKind.Digit));
                i++;
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var j = i + 1;
                while (j < text.Length && char.IsAsciiLetter(text[j]))
                {
                    j++;
                }

                // A '0' inside or at the end of a word may be its letter o ("th0usand", "tw0").
                var k = j;
                while (k < text.Length && k - i < MaxLetterRun && (char.IsAsciiLetter(text[k]) || text[k] == '0'))
                {
                    k++;
                }

                if (k > j && TrySegment(text, i, k, ref state, wordsOnly: true))
                {
                    i = k;
                    continue;
                }

                var word = text.AsSpan(i, j - i);
                if (state.Open && state.Gap < MaxGap && IsFillerWord(word))
                {
                    state.Gap++;
                    state.Separator = state.Separator is '\0' or ' ' ? '-' : state.Separator;
                }
                else if (j - i > MaxLetterRun || !TrySegment(text, i, j, ref state))
                {
                    Close(ref state, gluedAfter: state.Open && state.Gap == 0);
                }

                i = j;
                continue;
            }

            if (state.Open && IsSeparator(c))
            {
                if (IsCurrency(c) && i > 0 && char.IsWhiteSpace(text[i - 1]))
                {
                    // " $300": a price starts; the number before it has ended.
                    Close(ref state, gluedAfter: false);
                    i++;
                    continue;
                }

                if (char.IsHighSurrogate(c) || c is '[' or ']' or '{' or '}')
                {
                    // An emoji counts once towards the gap; brackets around single digits ("[7]-[0]") not at all.
                    if (state.Separator == '\0' && !char.IsHighSurrogate(c))
                    {
                        state.Separator = c;
                    }

                    state.ForceNewGroup = true;

                    i++;
                    continue;
                }

                state.Gap++;
                if (c != ' ' && state.Separator is '\0' or ' ')
                {
                    state.Separator = c;
                }
                else if (state.Separator == '\0')
                {
                    state.Separator = ' ';
                }

                if (state.Gap > MaxGap)
                {
                    Close(ref state, gluedAfter: false);
                }

                i++;
                continue;
            }

            Close(ref state, gluedAfter: state.Open && state.Gap == 0 && c < 0x250 && char.IsLetterOrDigit(c));
            i++;
        }

        Close(ref state, gluedAfter: false);
    }

    /// <summary>Spaces, punctuation and symbols (emoji included) that posters put between digits; not ':' or '%',
    /// which make times and percentages, nor '+' ("650+253+1234" is a sum).</summary>
    private static bool IsSeparator(char c) => c < 0x80
        ? c is ' ' or '.' or '-' or '~' or '*' or '(' or ')' or '[' or ']' or '{' or '}' or '/' or '_' or '|' or ',' or '\t' or '\n' or '\r'
            or '#' or '$' or '@' or '!' or ';' or '\\' or '^' or '=' or '&' or '\'' or '"' or '?' or '<' or '>' or '`'
        : char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol
            or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.SpaceSeparator;

    private static bool IsCurrency(char c) => c is '$' or '£' or '€' or '¥';

    private static bool IsFillerWord(ReadOnlySpan<char> word) =>
        word.Equals("dot", StringComparison.OrdinalIgnoreCase) || word.Equals("dash", StringComparison.OrdinalIgnoreCase)
        || word.Equals("hyphen", StringComparison.OrdinalIgnoreCase);

    private void AddToken(string text, ref RunState state, DigitToken token)
    {
        if (!state.Open)
        {
            state = new RunState
            {
                Open = true,
                PlusStart = FindPlus(text, token.Start),
                GluedBefore = token.Start > 0 && text[token.Start - 1] < 0x250 && char.IsLetterOrDigit(text[token.Start - 1]),
            };
            StartGroup('\0');
        }
        else if (state.Gap > 0 || state.ForceNewGroup)
        {
            EndGroup();
            StartGroup(state.Separator == '\0' ? ' ' : state.Separator);
        }

        state.Gap = 0;
        state.Separator = '\0';
        state.ForceNewGroup = false;
        _fillable = 0;
        _pendingTokens.Add(token);
    }

    private static int FindPlus(string text, int start)
    {
        var k = start - 1;
        while (k >= 0 && start - k <= 3 && text[k] is ' ' or '(')
        {
            k--;
        }

        return k >= 0 && text[k] == '+' ? k : -1;
    }

    private int _groupStartToken;
    private char _groupSeparator;

    private void StartGroup(char separator)
    {
        _groupStartToken = _pendingTokens.Count;
        _groupSeparator = separator;
    }

    private void EndGroup()
    {
        var count = _pendingTokens.Count - _groupStartToken;
        if (count > 0)
        {
            _pendingGroups.Add(new DigitGroup(_groupStartToken, count, _groupSeparator));
        }
    }

    /// <summary>Per-scan state of the run being built.</summary>
    private struct RunState
    {
        public bool Open;
        public int Gap;
        public char Separator;
        public int PlusStart;
        public bool GluedBefore;
        public bool ForceNewGroup;
    }
}
