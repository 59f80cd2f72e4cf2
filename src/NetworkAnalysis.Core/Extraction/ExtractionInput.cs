using NetworkAnalysis.Core.Extraction.Emails;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Core.Extraction;

/// <summary>The text an extractor reads, with the context it may need.</summary>
/// <param name="Text">The original ad text; every span indexes this string.</param>
/// <param name="DefaultCountry">ISO 3166 alpha-2 region for numbers written without a country code.</param>
/// <remarks>
/// Normalisation and the phone search run once per input, on first use, and are shared by every extractor.
/// An instance is meant for one thread; equality compares <see cref="Text"/> and <see cref="DefaultCountry"/> only.
/// </remarks>
public sealed record ExtractionInput(string Text, string? DefaultCountry)
{
    [ThreadStatic]
    private static DigitRunScanner? t_scanner;

    private NormalisedText? _normalised;
    private List<PhoneHit>? _phones;
    private List<EmailHit>? _emails;

    /// <summary>E-mail addresses in the normalised text, in order.</summary>
    internal List<EmailHit> Emails => _emails ??= EmailScanner.Find(Normalised.Text);

    /// <summary>The normalised text with its map back to <see cref="Text"/>.</summary>
    public NormalisedText Normalised => _normalised ??= TextNormaliser.Normalise(Text ?? "");

    /// <summary>Valid phone numbers in the normalised text, in order.</summary>
    internal List<PhoneHit> Phones
    {
        get
        {
            if (_phones is null)
            {
                var scanner = t_scanner ??= new DigitRunScanner();
                scanner.Scan(Normalised.Text);
                _phones = PhoneFinder.Find(Normalised.Text, scanner, DefaultCountry);
            }

            return _phones;
        }
    }

    /// <summary>Creates a mention whose span is mapped from normalised offsets back to <see cref="Text"/>.</summary>
    internal Mention Mention(EntityType type, string value, int normalisedStart, int normalisedEnd, double confidence, string extractor)
    {
        var (start, end) = Normalised.ToOriginal(normalisedStart, normalisedEnd);
        return new Mention(type, value, Text.Substring(start, end - start), start, end, confidence, extractor);
    }

    /// <summary>Creates an attribute whose span is mapped from normalised offsets back to <see cref="Text"/>.</summary>
    internal AttributeMention Attribute(AttributeKind kind, string value, int normalisedStart, int normalisedEnd)
    {
        var (start, end) = Normalised.ToOriginal(normalisedStart, normalisedEnd);
        return new AttributeMention(kind, value, Text.Substring(start, end - start), start, end);
    }

    /// <inheritdoc/>
    public bool Equals(ExtractionInput? other) =>
        other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal) && string.Equals(DefaultCountry, other.DefaultCountry, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Text, DefaultCountry);
}
