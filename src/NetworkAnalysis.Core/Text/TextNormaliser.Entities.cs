using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Text;

public static partial class TextNormaliser
{
    private const int MaxEntityLength = 12;

    // The entities that matter for identifiers; anything else is left as written.
    private static readonly FrozenDictionary<string, int> NamedEntities = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["amp"] = '&', ["lt"] = '<', ["gt"] = '>', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = ' ',
        ["commat"] = '@', ["period"] = '.', ["excl"] = '!', ["num"] = '#', ["dollar"] = '$', ["percnt"] = '%',
        ["lpar"] = '(', ["rpar"] = ')', ["ast"] = '*', ["plus"] = '+', ["comma"] = ',', ["hyphen"] = '-',
        ["dash"] = '-', ["minus"] = '-', ["colon"] = ':', ["semi"] = ';', ["equals"] = '=', ["lowbar"] = '_',
        ["sol"] = '/', ["bsol"] = '\\', ["ndash"] = '-', ["mdash"] = '-', ["lsqb"] = '[', ["rsqb"] = ']',
        ["lbrack"] = '[', ["rbrack"] = ']', ["lcub"] = '{', ["rcub"] = '}', ["lbrace"] = '{', ["rbrace"] = '}',
        ["verbar"] = '|', ["vert"] = '|', ["tilde"] = '~', ["quest"] = '?', ["ensp"] = ' ', ["emsp"] = ' ',
        ["thinsp"] = ' ', ["shy"] = 0xAD, ["zwj"] = 0x200D, ["zwnj"] = 0x200C, ["lrm"] = 0x200E, ["rlm"] = 0x200F,
        ["bull"] = 0x2022, ["middot"] = 0xB7, ["hellip"] = 0x2026, ["copy"] = 0xA9, ["reg"] = 0xAE, ["trade"] = 0x2122,
        ["pound"] = 0xA3, ["euro"] = 0x20AC, ["yen"] = 0xA5, ["cent"] = 0xA2, ["hearts"] = 0x2665, ["star"] = 0x2606,
        ["ldquo"] = 0x201C, ["rdquo"] = 0x201D, ["lsquo"] = 0x2018, ["rsquo"] = 0x2019, ["laquo"] = 0xAB, ["raquo"] = 0xBB,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> EntityLookup =
        NamedEntities.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Decodes an entity at <paramref name="i"/> ('&amp;'): named (with ';'), decimal or hex (';' optional).</summary>
    private static bool TryDecodeEntity(string s, int i, out int end, out int codePoint)
    {
        end = i;
        codePoint = 0;
        if (i + 2 >= s.Length)
        {
            return false;
        }

        if (s[i + 1] == '#')
        {
            var hex = s[i + 2] is 'x' or 'X';
            var j = hex ? i + 3 : i + 2;
            var digitsStart = j;
            long value = 0;
            while (j < s.Length && j - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(s[j]) : char.IsAsciiDigit(s[j])))
            {
                value = (value * (hex ? 16 : 10)) + HexValue(s[j]);
                j++;
            }

            if (j == digitsStart || value is 0 or > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }

            if (j < s.Length && s[j] == ';')
            {
                j++;
            }

            end = j;
            codePoint = (int)value;
            return true;
        }

        var k = i + 1;
        var limit = Math.Min(s.Length, i + 1 + MaxEntityLength);
        while (k < limit && char.IsAsciiLetterOrDigit(s[k]))
        {
            k++;
        }

        if (k >= s.Length || s[k] != ';' || k == i + 1)
        {
            return false;
        }

        var name = s.AsSpan(i + 1, k - i - 1);
        if (!EntityLookup.TryGetValue(name, out codePoint) && !TryLowerLookup(name, out codePoint))
        {
            return false;
        }

        end = k + 1;
        return true;
    }

    private static bool TryLowerLookup(ReadOnlySpan<char> name, out int codePoint)
    {
        Span<char> lower = stackalloc char[MaxEntityLength];
        var n = name.ToLowerInvariant(lower);
        codePoint = 0;
        return n > 0 && EntityLookup.TryGetValue(lower[..n], out codePoint);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
