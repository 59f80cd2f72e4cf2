using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>Finds e-mail addresses, plain and obfuscated, in normalised text.</summary>
/// <remarks>
/// The "at" may be '@' (spaces around allowed), a bracketed "(at)", "[at]", "{at}", "&lt;at&gt;", the bare word
/// " at " or " WHERE "; dots may be '.', " . ", " dot ", "(dot)", "[dot]", " DOM ", " dt ", and after a written "at" also
/// ';' or a bare space ("jdoe at cs example edu"). Also read: "m-i-a-@-e-x-..." (one separator between every character),
/// "jdoe (followed by "@cs.example.edu")", and "mailto:" before the local part. Obfuscated forms must end in a known TLD or name a
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

    private static readonly System.Buffers.SearchValues<char> MarkerStarts = System.Buffers.SearchValues.Create("@([{<aAW");

    // Separators of an address spelled out one character at a time ("m-i-a-@-e-x-a-m-p-l-e-.-c-o-m").
    private static readonly System.Buffers.SearchValues<char> SpelledSeparators = System.Buffers.SearchValues.Create("- _*~|");

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
            EmailHit hit;
            if (c == '@')
            {
                if (i >= resumeAt && TrySpelledOut(text, i, out hit))
                {
                    hits.Add(hit);
                    resumeAt = hit.End;
                    i = hit.End - 1;
                    continue;
                }

                markerEnd = i + 1;
                obfuscated = false;
            }
            else if (c is '(' or '[' or '{' or '<' && TryBracketed(text, i, "at", out markerEnd))
            {
                obfuscated = true;
            }
            else if (c == '(' && i >= resumeAt && TryFollowedBy(text, i, out hit))
            {
                hits.Add(hit);
                resumeAt = hit.End;
                i = hit.End - 1;
                continue;
            }
            else if (c is 'a' or 'A' && i > 0 && text[i - 1] == ' ' && i + 2 < text.Length && text[i + 1] is 't' or 'T' && text[i + 2] == ' ')
            {
                markerEnd = i + 2;
                obfuscated = true;
                wordAt = true;
            }
            else if (c == 'W' && i > 0 && text[i - 1] == ' ' && i + 5 < text.Length && text[i + 5] == ' '
                && text.AsSpan(i + 1, 4).SequenceEqual("HERE"))
            {
                // "name WHERE host DOM edu", in capitals as it is written (the sentence word "where" is not read).
                markerEnd = i + 5;
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

            if (TryAt(text, i, markerEnd, obfuscated, wordAt, out hit))
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

        (var localStart, localEnd) = LocalPartBefore(text, localEnd);

        if (localEnd <= localStart || (localStart > 0 && text[localStart - 1] is ':' or '/' && !AfterMailto(text, localStart)))
        {
            return false;
        }

        var local = text.AsSpan(localStart, localEnd - localStart);
        if (wordAt && (local.Length < 3 || NotLocalLookup.Contains(local)))
        {
            return false;
        }

        // "instagram @mia.vip" is a label and a handle: a spaced '@' must be spaced on both sides.
        var spaceAfter = markerEnd < text.Length && text[markerEnd] == ' ';
        var obfuscatedAt = wordAt || obfuscated || (spaces > 0 && spaceAfter);
        if (!DomainParser.TryParse(text, markerEnd, allowSpaceAfterAt: true, out var domain, out var domainEnd, out var domainObfuscated, obfuscatedAt))
        {
            return false;
        }

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

    /// <summary>Whether the local part starting at <paramref name="localStart"/> follows "mailto:".</summary>
    private static bool AfterMailto(string text, int localStart) =>
        localStart >= 7 && text.AsSpan(localStart - 7, 7).Equals("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>"jdoe (followed by "@cs.example.edu")": the word before the bracket and the domain inside it.</summary>
    private static bool TryFollowedBy(string text, int open, out EmailHit hit)
    {
        hit = default;
        var j = SkipSpaces(text, open + 1, 2);
        if (!MatchWord(text, ref j, "followed") || !MatchSpaces(text, ref j) || !MatchWord(text, ref j, "by"))
        {
            return false;
        }

        j = SkipSpaces(text, j, 2);
        var quote = j < text.Length && text[j] is '"' or '\'' ? text[j] : '\0';
        if (quote != '\0')
        {
            j++;
        }

        if (j >= text.Length || text[j] != '@'
            || !DomainParser.TryParse(text, j + 1, allowSpaceAfterAt: false, out var domain, out var domainEnd, out _)
            || !DomainNames.TldLookup.Contains(domain.AsSpan(domain.LastIndexOf('.') + 1)))
        {
            return false;
        }

        var k = domainEnd;
        if (quote != '\0')
        {
            if (k >= text.Length || text[k] != quote)
            {
                return false;
            }

            k++;
        }

        k = SkipSpaces(text, k, 2);
        if (k >= text.Length || text[k] != ')')
        {
            return false;
        }

        var localEnd = open;
        while (localEnd > 0 && open - localEnd < 2 && text[localEnd - 1] == ' ')
        {
            localEnd--;
        }

        (var localStart, localEnd) = LocalPartBefore(text, localEnd);

        if (localEnd - localStart < 2 || NotLocalLookup.Contains(text.AsSpan(localStart, localEnd - localStart)))
        {
            return false;
        }

        hit = new EmailHit(localStart, k + 1, EmailCanonicaliser.Canonicalise(text[localStart..localEnd], domain), true);
        return true;
    }

    /// <summary>An address spelled out with one separator between every character: "m-i-a-@-e-x-a-m-p-l-e-.-c-o-m",
    /// "m i a @ e x a m p l e . c o m". <paramref name="at"/> is the '@'.</summary>
    private static bool TrySpelledOut(string text, int at, out EmailHit hit)
    {
        hit = default;
        if (at < 3 || at + 3 >= text.Length || text[at - 1] != text[at + 1] || !SpelledSeparators.Contains(text[at - 1]))
        {
            return false;
        }

        var sep = text[at - 1];

        // Left: single characters at at-2, at-4, ... separated by sep.
        var first = at - 2;
        var localCount = 0;
        while (first >= 0 && text[first] != sep && IsLocalChar(text[first]))
        {
            localCount++;
            if (localCount > MaxLocal || first < 2 || text[first - 1] != sep || text[first - 2] == sep || !IsLocalChar(text[first - 2])
                || (first >= 3 && char.IsAsciiLetterOrDigit(text[first - 3])))
            {
                break;
            }

            first -= 2;
        }

        if (localCount < 2 || (first > 0 && char.IsAsciiLetterOrDigit(text[first - 1])))
        {
            return false;
        }

        // Right: single characters at at+2, at+4, ...
        Span<char> collapsed = stackalloc char[MaxAddress + 1];
        var n = 0;
        for (var k = first; k < at; k += 2)
        {
            collapsed[n++] = text[k];
        }

        var localLength = n;
        collapsed[n++] = '@';
        var last = at;
        for (var k = at + 2; k < text.Length && n < collapsed.Length && text[k] != sep && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '.' or '-'); k += 2)
        {
            // A character of its own: not the first letter of the next word ("... c o m for more").
            if (k + 1 < text.Length && char.IsAsciiLetterOrDigit(text[k + 1]))
            {
                break;
            }

            collapsed[n++] = text[k];
            last = k;
            if (k + 2 >= text.Length || text[k + 1] != sep)
            {
                break;
            }
        }

        if (last == at)
        {
            return false;
        }

        var domainText = collapsed[(localLength + 1)..n].ToString();
        if (!DomainParser.TryParse(domainText, 0, allowSpaceAfterAt: false, out var domain, out var domainEnd, out _)
            || !DomainNames.TldLookup.Contains(domain.AsSpan(domain.LastIndexOf('.') + 1)))
        {
            return false;
        }

        var local = collapsed[..localLength].Trim('.');
        if (local.Length < 2)
        {
            return false;
        }

        var end = at + 2 + (2 * (domainEnd - 1)) + 1;
        hit = new EmailHit(first, end, EmailCanonicaliser.Canonicalise(local.ToString(), domain), true);
        return true;
    }

    private static int SkipSpaces(string text, int i, int max)
    {
        var j = i;
        while (j < text.Length && j - i < max && text[j] == ' ')
        {
            j++;
        }

        return j;
    }

    private static bool MatchSpaces(string text, ref int i)
    {
        var j = SkipSpaces(text, i, 2);
        if (j == i)
        {
            return false;
        }

        i = j;
        return true;
    }

    private static bool MatchWord(string text, ref int i, string word)
    {
        if (i + word.Length > text.Length || !text.AsSpan(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
            || (i + word.Length < text.Length && char.IsAsciiLetter(text[i + word.Length])))
        {
            return false;
        }

        i += word.Length;
        return true;
    }

    /// <summary>The local part that ends at <paramref name="localEnd"/>: the run of local-part characters before it (at most
    /// <see cref="MaxLocal"/>), trimmed to begin and end on a letter or digit.</summary>
    private static (int Start, int End) LocalPartBefore(string text, int localEnd)
    {
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

        return (localStart, localEnd);
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
