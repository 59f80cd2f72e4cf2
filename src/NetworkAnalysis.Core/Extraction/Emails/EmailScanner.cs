using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>Finds e-mail addresses, plain and obfuscated, in normalised text.</summary>
/// <remarks>
/// The "at" may be '@' (spaces around allowed), a bracketed "(at)", "[at]", "{at}", "&lt;at&gt;", or the bare word
/// " at "; dots may be '.', " . ", " dot ", "(dot)", "[dot]". Obfuscated forms must end in a known TLD or name a
/// known provider ("mia at gmail"). Linear: each '@' or "at" is examined once with bounded look-around.
/// </remarks>
internal static class EmailScanner
{
    private const int MaxLocal = 64;
    private const int MaxDomain = 253;

    // RFC 5321 4.5.3.1.3: a path is at most 256 octets with its angle brackets, so an address at most 254.
    private const int MaxAddress = 254;

    // Words that sit before " at " in ordinary sentences ("meet me at ...") and server signatures ("Server at host.example.edu").
    private static readonly FrozenSet<string> NotLocalParts = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "me", "you", "us", "him", "her", "them", "it", "here", "there", "is", "am", "are", "be", "was", "im", "located",
        "staying", "available", "arrive", "arrived", "open", "call", "text", "email", "mail", "contact", "reach", "find", "out",
        "in", "up", "home", "work", "look", "looking", "stay", "meet", "only", "now", "today", "tonight", "and", "or", "or",
        "visit", "see", "hit", "message", "msg", "dm", "write", "back", "love", "best", "just", "girl", "info", "details",
        "page", "site", "website", "profile", "link", "links", "pics", "photos", "pictures", "videos", "reviews", "blog",
        "server", "host", "hosted", "port", "apache", "nginx", "running", "posted", "published");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotLocalLookup = NotLocalParts.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Buffers.SearchValues<char> MarkerStarts = System.Buffers.SearchValues.Create("@([{<aA");

    public static List<EmailHit> Find(string text)
    {
        var hits = new List<EmailHit>();
        var resumeAt = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Jump to the next character that can start an "at" marker.
            var next = text.AsSpan(i).IndexOfAny(MarkerStarts);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = text[i];
            int markerEnd;
            bool obfuscated;
            bool wordAt = false;
            if (c == '@')
            {
                markerEnd = i + 1;
                obfuscated = false;
            }
            else if (c is '(' or '[' or '{' or '<' && TryBracketed(text, i, "at", out markerEnd))
            {
                obfuscated = true;
            }
            else if (c is 'a' or 'A' && i > 0 && text[i - 1] == ' ' && i + 2 < text.Length && text[i + 1] is 't' or 'T' && text[i + 2] == ' ')
            {
                markerEnd = i + 2;
                obfuscated = true;
                wordAt = true;
            }
            else
            {
                continue;
            }

            if (i < resumeAt)
            {
                continue;
            }

            if (TryAt(text, i, markerEnd, obfuscated, wordAt, out var hit))
            {
                hits.Add(hit);
                resumeAt = hit.End;
                i = hit.End - 1;
            }
        }

        return hits;
    }

    private static bool TryAt(string text, int markerStart, int markerEnd, bool obfuscated, bool wordAt, out EmailHit hit)
    {
        hit = default;

        // Local part: left of the marker, after at most two spaces.
        var localEnd = markerStart;
        var spaces = 0;
        while (localEnd > 0 && text[localEnd - 1] == ' ' && spaces < 2)
        {
            localEnd--;
            spaces++;
        }

        if (spaces > 0 && !wordAt)
        {
            obfuscated = true;
        }

        // RFC 5321: a dot-atom local part does not end in '.' ("test.@iana.org" is not an address).
        if (spaces == 0 && !obfuscated && localEnd > 0 && text[localEnd - 1] == '.')
        {
            return false;
        }

        var localStart = localEnd;
        while (localStart > 0 && localEnd - localStart < MaxLocal && IsLocalChar(text[localStart - 1]))
        {
            localStart--;
        }

        while (localStart < localEnd && !char.IsAsciiLetterOrDigit(text[localStart]))
        {
            localStart++;
        }

        while (localEnd > localStart && !char.IsAsciiLetterOrDigit(text[localEnd - 1]))
        {
            localEnd--;
        }

        if (localEnd <= localStart || (localStart > 0 && text[localStart - 1] is ':' or '/'))
        {
            return false;
        }

        var local = text.AsSpan(localStart, localEnd - localStart);
        if (wordAt && (local.Length < 3 || NotLocalLookup.Contains(local)))
        {
            return false;
        }

        if (!DomainParser.TryParse(text, markerEnd, allowSpaceAfterAt: true, out var domain, out var domainEnd, out var domainObfuscated))
        {
            return false;
        }

        // "instagram @mia.vip" is a label and a handle: a spaced '@' must be spaced on both sides.
        var spaceAfter = markerEnd < text.Length && text[markerEnd] == ' ';
        if (!wordAt && (spaces > 0) != spaceAfter)
        {
            return false;
        }

        obfuscated |= domainObfuscated;
        if (domain.Length > MaxDomain || local.Length + 1 + domain.Length > MaxAddress)
        {
            return false;
        }

        var tldStart = domain.LastIndexOf('.') + 1;
        var tld = domain.AsSpan(tldStart);
        var knownTld = DomainNames.TldLookup.Contains(tld);
        if ((obfuscated || wordAt) && !knownTld)
        {
            return false;
        }

        hit = new EmailHit(localStart, domainEnd, EmailCanonicaliser.Canonicalise(local.ToString(), domain), obfuscated);
        return true;
    }

    internal static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>Matches "(word)" with optional inner spaces at <paramref name="i"/>; brackets may be any of ([{&lt;.</summary>
    internal static bool TryBracketed(string text, int i, string word, out int end)
    {
        end = i;
        var close = text[i] switch { '(' => ')', '[' => ']', '{' => '}', _ => '>' };
        var j = i + 1;
        while (j < text.Length && j - i < 3 && text[j] == ' ')
        {
            j++;
        }

        if (word == "at" && j < text.Length && text[j] == '@')
        {
            j++;
        }
        else if (j + word.Length <= text.Length && text.AsSpan(j, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            j += word.Length;
        }
        else
        {
            return false;
        }

        var k = j;
        while (k < text.Length && k - j < 2 && text[k] == ' ')
        {
            k++;
        }

        if (k < text.Length && text[k] == close)
        {
            end = k + 1;
            return true;
        }

        return false;
    }

    internal static string Lower(ReadOnlySpan<char> s)
    {
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        for (var k = 0; k < s.Length; k++)
        {
            buffer[k] = char.ToLowerInvariant(s[k]);
        }

        return new string(buffer);
    }
}
