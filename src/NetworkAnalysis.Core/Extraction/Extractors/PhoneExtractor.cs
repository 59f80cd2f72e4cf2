namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds phone numbers in any written form and reports them in E.164.</summary>
/// <remarks>
/// Reads the digit runs of the normalised text (Unicode digits, spelled digits, mixed forms, letters for digits),
/// validates candidates against the numbering plans derived from libphonenumber metadata with the ad's country
/// as default region, and rejects dates, times, prices, ages, measurements, zip codes and order numbers.
/// </remarks>
public sealed class PhoneExtractor : IEntityExtractor
{
    /// <inheritdoc/>
    public string Name => "phone";

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        foreach (var hit in input.Phones)
        {
            entities.Add(input.Mention(EntityType.Phone, hit.E164, hit.Start, hit.End, hit.Confidence, Name));
        }
    }
}
